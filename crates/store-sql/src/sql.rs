//! Statements assembled from pieces (filters that are present or not), for either engine.
//!
//! sqlx's `QueryBuilder` cannot be used in code generic over the engine: its built query borrows
//! the builder for less than the arguments' lifetime, and `DB::Arguments<'args>`, an associated
//! type, cannot be shortened to that borrow as the concrete `SqliteArguments<'args>` can. This
//! builder keeps the values it binds (integers and text are all the shared code binds) and hands
//! them over as fresh arguments when the statement runs.

use std::fmt::{Display, Write};

use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Arguments, Database, FromRow};

use crate::Column;

/// A value bound to a `$n` placeholder.
#[derive(Clone, Debug)]
pub enum Arg {
    Int(i64),
    Int32(Option<i32>),
    Bool(bool),
    Text(Option<String>),
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Int(value)
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Self {
        Arg::Int32(Some(value))
    }
}

impl From<Option<i32>> for Arg {
    fn from(value: Option<i32>) -> Self {
        Arg::Int32(value)
    }
}

impl From<bool> for Arg {
    fn from(value: bool) -> Self {
        Arg::Bool(value)
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(Some(value))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(Some(value.clone()))
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(Some(value.to_owned()))
    }
}

impl From<Option<String>> for Arg {
    fn from(value: Option<String>) -> Self {
        Arg::Text(value)
    }
}

impl From<&Option<String>> for Arg {
    fn from(value: &Option<String>) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<&chrono::NaiveDate> for Arg {
    /// ISO 8601, as both engines compare dates kept or cast as text.
    fn from(value: &chrono::NaiveDate) -> Self {
        Arg::Text(Some(value.to_string()))
    }
}

/// SQL text with `$1`, `$2`, … placeholders and the values bound to them, in order.
#[derive(Clone, Debug, Default)]
pub struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    pub fn new(text: impl Display) -> Self {
        Sql {
            text: text.to_string(),
            args: Vec::new(),
        }
    }

    /// Appends SQL text.
    pub fn push(&mut self, text: impl Display) -> &mut Self {
        let _ = write!(self.text, "{text}");
        self
    }

    /// Appends the next placeholder and binds `value` to it.
    pub fn push_bind(&mut self, value: impl Into<Arg>) -> &mut Self {
        self.args.push(value.into());
        let _ = write!(self.text, "${}", self.args.len());
        self
    }

    /// Appends `, ` between the items of a list (not before the first).
    pub fn push_separator(&mut self, first: bool) -> &mut Self {
        if !first {
            self.text.push_str(", ");
        }
        self
    }

    /// How many values are bound so far (the next placeholder is `$` and this plus one).
    pub fn bound(&self) -> usize {
        self.args.len()
    }

    /// Binds the next value without writing its placeholder: for SQL that names the
    /// placeholder itself (see [`Sql::bound`]).
    pub fn bind_only(&mut self, value: impl Into<Arg>) -> &mut Self {
        self.args.push(value.into());
        self
    }

    /// Appends `(p1, p2, …)`, a placeholder per value (SQLite has no array parameters).
    pub fn push_list<T: Into<Arg>>(&mut self, values: impl IntoIterator<Item = T>) -> &mut Self {
        self.text.push('(');
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.push_bind(value);
        }
        self.text.push(')');
        self
    }

    /// Appends `VALUES (…), (…)`, one row per item, `row` binding the item's values.
    pub fn push_values<I>(
        &mut self,
        items: impl IntoIterator<Item = I>,
        mut row: impl FnMut(&mut Values<'_>, I),
    ) -> &mut Self {
        self.text.push_str("VALUES ");
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.text.push('(');
            row(
                &mut Values {
                    sql: self,
                    first: true,
                },
                item,
            );
            self.text.push(')');
        }
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The bound values as the driver's arguments; text is lent, not copied (the statement
    /// borrows this builder while it runs).
    fn arguments<'q, DB: Database>(&'q self) -> DB::Arguments<'q>
    where
        i64: Column<DB>,
        bool: Column<DB>,
        Option<i32>: Column<DB>,
        Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    {
        let mut arguments = DB::Arguments::<'q>::default();
        for arg in &self.args {
            // Adding to a fresh argument list fails only for a type the engine cannot encode,
            // and the types here are ones every engine can.
            let _ = match arg {
                Arg::Int(v) => arguments.add(*v),
                Arg::Int32(v) => arguments.add(*v),
                Arg::Bool(v) => arguments.add(*v),
                Arg::Text(v) => arguments.add(v.as_deref()),
            };
        }
        arguments
    }

    pub fn query<DB: Database>(&self) -> Query<'_, DB, DB::Arguments<'_>>
    where
        i64: Column<DB>,
        bool: Column<DB>,
        Option<i32>: Column<DB>,
        for<'q> Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    {
        sqlx::query_with(&self.text, self.arguments::<DB>())
    }

    pub fn query_as<DB: Database, O>(&self) -> QueryAs<'_, DB, O, DB::Arguments<'_>>
    where
        i64: Column<DB>,
        bool: Column<DB>,
        Option<i32>: Column<DB>,
        for<'q> Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        O: for<'r> FromRow<'r, DB::Row>,
        for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    {
        sqlx::query_as_with(&self.text, self.arguments::<DB>())
    }

    pub fn query_scalar<DB: Database, O>(&self) -> QueryScalar<'_, DB, O, DB::Arguments<'_>>
    where
        i64: Column<DB>,
        bool: Column<DB>,
        Option<i32>: Column<DB>,
        for<'q> Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        (O,): for<'r> FromRow<'r, DB::Row>,
        for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    {
        sqlx::query_scalar_with(&self.text, self.arguments::<DB>())
    }
}

/// One row of [`Sql::push_values`].
pub struct Values<'a> {
    sql: &'a mut Sql,
    first: bool,
}

impl Values<'_> {
    /// The row's next value, after a comma unless it is the first.
    pub fn push_bind(&mut self, value: impl Into<Arg>) -> &mut Self {
        if !self.first {
            self.sql.text.push_str(", ");
        }
        self.first = false;
        self.sql.push_bind(value);
        self
    }

    /// Text right after the last value (a cast).
    pub fn push_unseparated(&mut self, text: impl Display) -> &mut Self {
        self.sql.push(text);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_the_order_values_are_bound() {
        let mut sql = Sql::new("SELECT id FROM users WHERE 1 = 1");
        sql.push(" AND role = ").push_bind("admin");
        sql.push(" AND id IN ").push_list([3_i64, 5, 8]);
        sql.push(" LIMIT ").push_bind(10_i64);
        assert_eq!(
            sql.text(),
            "SELECT id FROM users WHERE 1 = 1 AND role = $1 AND id IN ($2, $3, $4) LIMIT $5"
        );
        assert_eq!(sql.args.len(), 5);
        let mut insert = Sql::new("INSERT INTO t (a, b) ");
        insert.push_values([(1_i64, "x"), (2, "y")], |row, (a, b)| {
            row.push_bind(a).push_bind(b).push_unseparated("::text");
        });
        assert_eq!(
            insert.text(),
            "INSERT INTO t (a, b) VALUES ($1, $2::text), ($3, $4::text)"
        );
    }
}

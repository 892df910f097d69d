//! Amounts of money: whole numbers of a currency's minor units (cents, fils), never floating
//! point, with the currency's ISO 4217 code. Arithmetic is checked: an amount that would overflow
//! is an error, not a wrapped number.

use std::fmt;

use serde::{Serialize, Serializer};

/// The largest amount the platform accepts in one figure, in minor units: a thousand billion of
/// a currency's major units with three decimals still fits, and a sum of a million such figures
/// cannot overflow an `i64`.
pub const MAX_MINOR: i64 = 1_000_000_000_000_000;

/// An ISO 4217 currency in which money can be paid: one with minor units defined (so not gold,
/// special drawing rights or the testing code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// The currency with this three-letter code ("USD", "chf" is accepted as "CHF").
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let trimmed = code.trim();
        let upper = trimmed.to_ascii_uppercase();
        let currency = iso_currency::Currency::from_code(&upper)
            .ok_or_else(|| MoneyError::UnknownCurrency(trimmed.to_owned()))?;
        if currency.exponent().is_none() {
            return Err(MoneyError::NotAPaymentCurrency(upper));
        }
        Ok(Currency(currency))
    }

    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// How many decimals a figure in this currency has: 2 for the dollar, 3 for the Kuwaiti
    /// dinar, 0 for the yen.
    pub fn decimals(&self) -> u32 {
        u32::from(self.0.exponent().unwrap_or(0))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// An amount in one currency, in minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Result<Money, MoneyError> {
        if minor.unsigned_abs() > MAX_MINOR as u64 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money { minor, currency })
    }

    pub fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// A positive amount typed by a person ("1,250.50", "1250.5", "١٬٢٥٠٫٥٠") in `currency`.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let minor = parse_minor(text, currency.decimals())?;
        Money::new(minor, currency)
    }

    /// The sum, refused when the currencies differ or the sum is out of range.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::MixedCurrencies(self.currency, other.currency));
        }
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::TooLarge)?;
        Money::new(minor, self.currency)
    }

    /// The figure with its decimals and thousands separators, without the code: "1,250.50".
    pub fn figure(&self) -> String {
        format_minor(self.minor, self.currency.decimals())
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.figure(), self.currency.code())
    }
}

/// What is wrong with an amount or a currency.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("“{0}” is not an ISO 4217 currency code")]
    UnknownCurrency(String),
    #[error("{0} has no minor units: it is not a currency payments are made in")]
    NotAPaymentCurrency(String),
    #[error("an amount is needed")]
    Empty,
    #[error("an amount cannot be negative")]
    Negative,
    #[error("“{0}” is not an amount: only digits, one decimal point and thousands separators")]
    NotANumber(String),
    #[error("“{text}” has more decimals than the currency's {allowed}")]
    TooManyDecimals { text: String, allowed: u32 },
    #[error("the amount is too large")]
    TooLarge,
    #[error("{0} and {1} cannot be added: the amounts are in different currencies")]
    MixedCurrencies(Currency, Currency),
    #[error("an exchange rate must be a positive decimal number such as 0.9134; “{0}” is not")]
    BadRate(String),
}

/// A number of minor units from a typed figure with at most `decimals` decimals. Arabic-Indic
/// digits and the Arabic decimal and thousands separators are read as their Latin counterparts.
pub fn parse_minor(text: &str, decimals: u32) -> Result<i64, MoneyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return Err(MoneyError::Negative);
    }
    let not_a_number = || MoneyError::NotANumber(text.to_owned());
    let mut whole = String::new();
    let mut fraction: Option<String> = None;
    for c in text.chars() {
        let c = match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (c as u32 - 0x6F0) as u8),
            '\u{66B}' => '.',
            '\u{66C}' | ',' | ' ' | '\u{A0}' | '\u{202F}' | '_' => continue,
            '+' if whole.is_empty() && fraction.is_none() => continue,
            c => c,
        };
        match (c, &mut fraction) {
            ('0'..='9', None) => whole.push(c),
            ('0'..='9', Some(f)) => f.push(c),
            ('.', None) => fraction = Some(String::new()),
            _ => return Err(not_a_number()),
        }
    }
    if whole.is_empty() && fraction.as_deref().is_none_or(str::is_empty) {
        return Err(not_a_number());
    }
    let fraction = fraction.unwrap_or_default();
    let significant = fraction.trim_end_matches('0');
    if significant.len() > decimals as usize {
        return Err(MoneyError::TooManyDecimals {
            text: text.to_owned(),
            allowed: decimals,
        });
    }
    let scale = 10i64.pow(decimals);
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let mut fraction_minor: i64 = 0;
    for (i, d) in significant.chars().enumerate() {
        let digit = i64::from(d.to_digit(10).unwrap_or(0));
        fraction_minor += digit * 10i64.pow(decimals - 1 - i as u32);
    }
    let minor = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction_minor))
        .ok_or(MoneyError::TooLarge)?;
    if minor > MAX_MINOR {
        return Err(MoneyError::TooLarge);
    }
    Ok(minor)
}

/// "1250.50" from 125050 minor units with two decimals: the figure as the API gives it and
/// [`Money::parse`] reads it back.
pub fn decimal_minor(minor: i64, decimals: u32) -> String {
    format_minor(minor, decimals).replace(',', "")
}

/// "1,250.50" from 125050 minor units with two decimals.
pub fn format_minor(minor: i64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let magnitude = minor.unsigned_abs();
    let whole = (magnitude / scale).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 8);
    if minor < 0 {
        grouped.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if decimals > 0 {
        grouped.push('.');
        grouped.push_str(&format!(
            "{:0width$}",
            magnitude % scale,
            width = decimals as usize
        ));
    }
    grouped
}

/// An exchange rate: how many units of the fund's currency one unit of the contribution's
/// currency bought, as a decimal with up to nine places, held as an integer (never floating
/// point).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Rate {
    /// The rate times 10⁹.
    pub nano: u64,
}

impl Rate {
    const PLACES: u32 = 9;

    pub fn parse(text: &str) -> Result<Rate, MoneyError> {
        let bad = || MoneyError::BadRate(text.trim().to_owned());
        let nano = parse_minor(text, Self::PLACES).map_err(|_| bad())?;
        if nano <= 0 {
            return Err(bad());
        }
        Ok(Rate { nano: nano as u64 })
    }

    /// `amount` converted into `into`, rounded half away from zero to the target's minor unit.
    pub fn convert(&self, amount: Money, into: Currency) -> Result<Money, MoneyError> {
        if amount.currency == into {
            return Ok(amount);
        }
        // minor_out = minor_in × rate × 10^(decimals_out − decimals_in), computed in i128 over
        // the common denominator 10^(9 + decimals_in).
        let numerator =
            i128::from(amount.minor) * i128::from(self.nano) * 10i128.pow(into.decimals());
        let denominator = 10i128.pow(Self::PLACES + amount.currency.decimals());
        let half = denominator / 2;
        let rounded = if numerator >= 0 {
            (numerator + half) / denominator
        } else {
            (numerator - half) / denominator
        };
        let minor = i64::try_from(rounded).map_err(|_| MoneyError::TooLarge)?;
        Money::new(minor, into)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = format_minor(self.nano as i64, Self::PLACES).replace(',', "");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        f.write_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    #[test]
    fn currencies_are_iso_4217_codes_with_minor_units() {
        assert_eq!(Currency::parse(" chf ").unwrap().code(), "CHF");
        assert_eq!(Currency::parse("KWD").unwrap().decimals(), 3);
        assert_eq!(Currency::parse("JPY").unwrap().decimals(), 0);
        assert_eq!(
            Currency::parse("USX"),
            Err(MoneyError::UnknownCurrency("USX".into()))
        );
        assert!(matches!(
            Currency::parse("XAU"),
            Err(MoneyError::NotAPaymentCurrency(_))
        ));
    }

    #[test]
    fn typed_amounts_become_minor_units() {
        let usd = usd();
        assert_eq!(Money::parse("1,250.50", usd).unwrap().minor, 125_050);
        assert_eq!(Money::parse("1250.5", usd).unwrap().minor, 125_050);
        assert_eq!(Money::parse("١٬٢٥٠٫٥٠", usd).unwrap().minor, 125_050);
        assert_eq!(Money::parse("7", usd).unwrap().minor, 700);
        assert_eq!(Money::parse(".25", usd).unwrap().minor, 25);
        assert_eq!(Money::parse("3.10", usd).unwrap().minor, 310);
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(Money::parse("12,000", jpy).unwrap().minor, 12_000);
    }

    #[test]
    fn bad_amounts_are_refused_by_what_is_wrong() {
        let usd = usd();
        assert_eq!(Money::parse("", usd), Err(MoneyError::Empty));
        assert_eq!(Money::parse("-5", usd), Err(MoneyError::Negative));
        assert!(matches!(
            Money::parse("5.123", usd),
            Err(MoneyError::TooManyDecimals { allowed: 2, .. })
        ));
        assert!(matches!(
            Money::parse("1.2.3", usd),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("1e6", usd),
            Err(MoneyError::NotANumber(_))
        ));
        assert_eq!(
            Money::parse("99999999999999999999999", usd),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(
            Money::parse("10000000000000001", usd),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn sums_refuse_mixed_currencies_and_overflow() {
        let usd = usd();
        let eur = Currency::parse("EUR").unwrap();
        let a = Money::new(MAX_MINOR, usd).unwrap();
        assert_eq!(
            a.checked_add(Money::new(1, usd).unwrap()),
            Err(MoneyError::TooLarge)
        );
        assert!(matches!(
            Money::zero(usd).checked_add(Money::zero(eur)),
            Err(MoneyError::MixedCurrencies(..))
        ));
    }

    #[test]
    fn figures_are_grouped_with_their_decimals() {
        assert_eq!(format_minor(125_050, 2), "1,250.50");
        assert_eq!(format_minor(-5, 2), "-0.05");
        assert_eq!(format_minor(1_000_000, 0), "1,000,000");
        assert_eq!(format_minor(1_234, 3), "1.234");
        let m = Money::parse("1000", Currency::parse("KWD").unwrap()).unwrap();
        assert_eq!(m.to_string(), "1,000.000 KWD");
    }

    #[test]
    fn conversions_round_to_the_minor_unit() {
        let usd = usd();
        let eur = Currency::parse("EUR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        let rate = Rate::parse("1.0875").unwrap();
        assert_eq!(rate.to_string(), "1.0875");
        let euros = Money::parse("1,000.00", eur).unwrap();
        assert_eq!(rate.convert(euros, usd).unwrap().minor, 108_750);
        // ¥150,000 at 0.006667 USD: 1,000.05 dollars.
        let yen = Money::parse("150000", jpy).unwrap();
        let rate = Rate::parse("0.006667").unwrap();
        assert_eq!(rate.convert(yen, usd).unwrap().minor, 100_005);
        assert!(Rate::parse("0").is_err());
        assert!(Rate::parse("-1").is_err());
        assert!(Rate::parse("abc").is_err());
    }

    proptest! {
        /// Whatever is typed, reading it ends in an amount or an error; a figure formatted from an
        /// amount reads back as the same amount.
        #[test]
        fn any_text_reads_or_is_refused(text in "\\PC{0,24}") {
            let _ = Money::parse(&text, usd());
        }

        #[test]
        fn a_formatted_figure_reads_back(minor in 0..=MAX_MINOR, decimals in 0u32..=3) {
            prop_assert_eq!(parse_minor(&format_minor(minor, decimals), decimals), Ok(minor));
        }

        #[test]
        fn a_rate_reads_back(nano in 1u64..=1_000_000_000_000) {
            let rate = Rate { nano };
            prop_assert_eq!(Rate::parse(&rate.to_string()), Ok(rate));
        }
    }
}

//! The route table. Every route is declared with the action it performs and the resource it
//! acts on; the router is built from the table, and each route's guard asks the policy before
//! the handler runs. A route cannot be added without saying what it needs, and the table is
//! public so the tests can walk every route with every role.

use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, delete, get, post, put};
use taawun_policy::{Action, Decision, Resource, decide};

use super::principal::Principal;
use crate::AppState;
use crate::error::{ApiError, HtmlError};
use crate::i18n::Lang;

/// One route as declared.
#[derive(Clone, Debug)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub action: Action,
    pub resource: Resource,
}

#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    pub fn get<H, T>(
        self,
        path: &'static str,
        action: Action,
        resource: Resource,
        handler: H,
    ) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, action, resource, get(handler))
    }

    pub fn post<H, T>(
        self,
        path: &'static str,
        action: Action,
        resource: Resource,
        handler: H,
    ) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, path, action, resource, post(handler))
    }

    pub fn put<H, T>(
        self,
        path: &'static str,
        action: Action,
        resource: Resource,
        handler: H,
    ) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::PUT, path, action, resource, put(handler))
    }

    pub fn delete<H, T>(
        self,
        path: &'static str,
        action: Action,
        resource: Resource,
        handler: H,
    ) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::DELETE, path, action, resource, delete(handler))
    }

    /// A public page or document anyone may read.
    pub fn public<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.get(path, Action::Read, Resource::Public, handler)
    }

    fn add(
        mut self,
        method: Method,
        path: &'static str,
        action: Action,
        resource: Resource,
        route: MethodRouter<AppState>,
    ) -> Routes {
        let guarded_resource = resource.clone();
        let route = route.route_layer(axum::middleware::from_fn(
            move |request: Request, next: Next| {
                let resource = guarded_resource.clone();
                async move { guard(action, &resource, request, next).await }
            },
        ));
        self.router = self.router.route(path, route);
        self.specs.push(RouteSpec {
            method,
            path,
            action,
            resource,
        });
        self
    }

    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.specs.extend(other.specs);
        self
    }

    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// Asks the policy; refuses as a page or as JSON.
async fn guard(action: Action, resource: &Resource, request: Request, next: Next) -> Response {
    let principal = request.extensions().get::<Principal>().cloned();
    let decision = match &principal {
        Some(p) => decide(p.subject(), action, resource),
        None => decide(taawun_policy::Subject::Anonymous, action, resource),
    };
    if decision == Decision::Allow {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    let lang = Lang::negotiate(request.headers());
    let address = principal.as_ref().map_or("unknown", |p| p.address.as_str());
    tracing::info!(
        ?decision,
        ?action,
        path = %crate::layers::loggable_path(&path),
        address,
        "request refused by the policy"
    );
    refusal(
        decision,
        lang,
        &path,
        request
            .uri()
            .path_and_query()
            .map_or(path.as_str(), |p| p.as_str()),
    )
}

/// The response for a refusal.
pub fn refusal(decision: Decision, lang: Lang, path: &str, path_and_query: &str) -> Response {
    let api = path.starts_with("/api/");
    match (decision, api) {
        (Decision::Allow, _) => StatusCode::NO_CONTENT.into_response(),
        (Decision::SignInRequired, true) => {
            let mut response = ApiError::unauthorized(
                "sign-in required: send an API token as `Authorization: Bearer …`",
            )
            .into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
            response
        }
        (Decision::SignInRequired, false) => {
            let next = crate::page::encode_query_value(path_and_query);
            Redirect::to(&format!("/sign-in?next={next}")).into_response()
        }
        (Decision::Forbidden, true) => {
            ApiError::forbidden("your roles do not allow this").into_response()
        }
        (Decision::Forbidden, false) => HtmlError::forbidden(lang).into_response(),
        (Decision::NotFound, true) => ApiError::not_found("no such record").into_response(),
        (Decision::NotFound, false) => {
            HtmlError::not_found(lang, lang.t("error-not-found")).into_response()
        }
    }
}

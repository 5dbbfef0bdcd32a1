//! Demonstration data (stub until the generator lands).

use crate::service::Service;
use crate::service::api::ServiceError;

pub fn fill(_service: &Service, _login: &str, _count: u64, _seed: u64) -> Result<String, ServiceError> {
    Err(ServiceError::BadRequest { what: "demo is not built yet".into() })
}

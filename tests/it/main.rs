//! All integration tests in one binary (linking many is slow on 2 cores).

mod conformance;
mod fixture;
mod helpers;
mod webdriver;
mod authz;
mod cli;
mod http;

//! All integration tests in one binary (linking many is slow on 2 cores).

mod accounts_http;
mod analysis_http;
mod authz;
mod ballot_browser;
mod ballot_crash;
mod ballot_http;
mod ballot_reissue_browser;
mod ballot_reissue_http;
mod ballot_words;
mod browser;
mod browser_csp;
mod check;
mod cli;
mod conformance;
mod demo;
mod fixture;
mod helpers;
mod http;
mod languages;
mod page_headers;
mod post_http;
mod roster_http;
mod uploads_http;
mod vote_http;
mod webdriver;
mod workbook;

//! The real `banzi serve` as a child process on a free loopback port, for benches that load
//! it from outside: started with its own audit key file and log, waited for until it
//! answers, its memory read from `/proc`, killed when dropped.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub base: String,
}

/// Kilobytes of `/proc/PID/status`: resident now (VmRSS) and at its highest (VmHWM).
#[derive(Clone, Copy, Default)]
pub struct Memory {
    pub rss_kb: u64,
    pub hwm_kb: u64,
}

impl Server {
    /// Serves `database` with the key file `key`, its working directory `dir` (so no
    /// `banzi.toml` of another directory is read) and its output in `dir/log`.
    pub fn start(binary: &str, database: &str, key: &Path, dir: &Path, log: &str) -> Server {
        // A free port: bound and released; nothing else on this machine races for it.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let out = std::fs::File::create(dir.join(log)).expect("server log");
        let err = out.try_clone().expect("server log");
        let child = Command::new(binary)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--database")
            .arg(database)
            .arg("--audit-key")
            .arg(key)
            .current_dir(dir)
            .env("BANZI_LOG", "warn")
            .env_remove("BANZI_CONFIG")
            .env_remove("BANZI_DATABASE_URL")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {binary}: {e}"));
        let mut s = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        s.wait_ready(dir.join(log).as_path());
        s
    }

    fn wait_ready(&mut self, log: &Path) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(2)))
            .build()
            .new_agent();
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(120) {
            if let Ok(Some(status)) = self.child.try_wait() {
                let text = std::fs::read_to_string(log).unwrap_or_default();
                panic!("banzi serve ended ({status}):\n{text}");
            }
            if agent
                .get(format!("{}/healthz", self.base))
                .call()
                .is_ok_and(|r| r.status() == 200)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("banzi serve did not answer within 120 s");
    }

    /// How the server ended, if it has.
    pub fn ended(&mut self) -> Option<String> {
        self.child.try_wait().ok().flatten().map(|s| s.to_string())
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn memory(&self) -> Memory {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        Memory {
            rss_kb: field("VmRSS:"),
            hwm_kb: field("VmHWM:"),
        }
    }

    /// User and system CPU seconds the server has used (`/proc/PID/stat`).
    pub fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            return 0.0;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = [11, 12]
            .iter()
            .filter_map(|&i| f.get(i).and_then(|v| v.parse::<u64>().ok()))
            .sum();
        // USER_HZ is 100 on Linux.
        ticks as f64 / 100.0
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Our own child, by its handle.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

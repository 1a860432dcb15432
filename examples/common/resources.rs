//! What the measuring examples (`stress`, `worst_case`, `readers`) read of their own process: CPU time and
//! peak memory, from Linux's `/proc/self` (0 elsewhere). Each case runs in a process of its
//! own, so the figures are the case's.

/// User plus system CPU time of this process (every thread), from `/proc/self/stat`; 0 where
/// there is none.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; Linux
    // counts them in 1/100 s.
    (ticks(11) + ticks(12)) / 100.0
}

/// The peak resident memory of this process in KB (`VmHWM`), 0 where there is none.
pub fn peak_kb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0.0)
}

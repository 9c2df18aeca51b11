//! Summary statistics for the benchmarks' timings.

use std::time::Duration;

pub fn median(samples: &[Duration]) -> Duration {
    let sorted = sorted(samples);
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

/// The nearest-rank percentile, `p` in 0..=1.
pub fn percentile(samples: &[Duration], p: f64) -> Duration {
    let sorted = sorted(samples);
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() - 1) as f64 * p.clamp(0.0, 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

pub fn mean(samples: &[Duration]) -> Duration {
    match u32::try_from(samples.len()) {
        Ok(0) | Err(_) => Duration::ZERO,
        Ok(n) => samples.iter().sum::<Duration>() / n,
    }
}

pub fn max(samples: &[Duration]) -> Duration {
    samples.iter().max().copied().unwrap_or_default()
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(f64::MIN_POSITIVE)
}

fn sorted(samples: &[Duration]) -> Vec<Duration> {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[u64]) -> Vec<Duration> {
        values.iter().map(|v| Duration::from_millis(*v)).collect()
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&ms(&[5, 1, 3])), Duration::from_millis(3));
        assert_eq!(median(&ms(&[4, 1, 3, 2])), Duration::from_micros(2500));
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn percentiles_mean_and_max() {
        let samples = ms(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        assert_eq!(percentile(&samples, 0.9), Duration::from_millis(10));
        assert_eq!(percentile(&samples, 0.0), Duration::from_millis(1));
        assert_eq!(mean(&samples), Duration::from_millis(6));
        assert_eq!(max(&samples), Duration::from_millis(11));
        assert!((ratio(Duration::from_millis(3), Duration::from_millis(2)) - 1.5).abs() < 1e-9);
    }
}

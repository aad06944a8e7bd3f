package nl.samenredzaam.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.samenredzaam.calendar.internal.Recurrence;

/** Expanding one weekly series with a summer break into the occurrences of one month (uncached). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecurrenceBenchmark {

    Instant first;
    List<LocalDate> summerBreak;
    Instant from;
    Instant to;

    @Setup
    public void setUp() {
        first = ZonedDateTime.of(2024, 1, 2, 10, 0, 0, 0, Recurrence.ZONE).toInstant();
        summerBreak = List.of(LocalDate.of(2026, 7, 14), LocalDate.of(2026, 7, 21), LocalDate.of(2026, 7, 28));
        from = ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, Recurrence.ZONE).toInstant();
        to = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, Recurrence.ZONE).toInstant();
    }

    @Benchmark
    public List<Instant> weeklySeriesOneMonth() {
        return Recurrence.starts(first, "FREQ=WEEKLY;BYDAY=TU", summerBreak, from, to);
    }
}

/**
 * The benchmark of issues 7 and 15, run by {@code mvn -Pbench verify} and never by the default build.
 *
 * <p>{@link org.actiontriggers.bench.Benchmark} is the driver: it builds a bench WAR (the application plus
 * {@link org.actiontriggers.bench.BenchResource}, which creates triggers and times transactions from inside
 * the server), starts {@link org.actiontriggers.bench.BenchReceiver} and, per database (H2, then PostgreSQL),
 * one Payara Micro as separate processes on 127.0.0.1, runs its numbered cases behind a quiet gate and writes
 * the results to {@code target/bench/}. Each process measures what only it can see: the server its own
 * transactions and heap, the receiver the arrival of every request, {@link
 * org.actiontriggers.bench.BenchMachine} the machine's load and the server's resident set, and {@link
 * org.actiontriggers.bench.PostgresCeilings} what PostgreSQL alone sustains through plain JDBC.
 */
package org.actiontriggers.bench;

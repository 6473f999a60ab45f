/**
 * The benchmark of issue 7, run by {@code mvn -Pbench verify} and never by the default build.
 *
 * <p>{@link org.actiontriggers.bench.Benchmark} is the driver: it builds a bench WAR (the application plus
 * {@link org.actiontriggers.bench.BenchResource}, which creates triggers and times transactions from inside
 * the server), starts {@link org.actiontriggers.bench.BenchReceiver} and Payara Micro as separate processes on
 * 127.0.0.1, drives them and writes the results to {@code target/bench/}. Each process measures what only it
 * can see: the server its own transactions and heap, the receiver the arrival of every request.
 */
package org.actiontriggers.bench;

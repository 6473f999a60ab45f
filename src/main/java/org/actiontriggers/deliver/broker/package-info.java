/**
 * Broker deliveries: the {@code BrokerClient} interface each broker type implements with its official Java
 * client, {@code BrokerType} (the keys each type takes and how its client is made), the shared
 * {@code BrokerConnections} (one client per effective connection, reopened after a broker restart, closed at
 * shutdown) and {@code BrokerDelivery}, one round of one broker delivery.
 *
 * <p>Depends on {@code settings}, {@code outbox} and {@code deliver} (the outcome of a round and the dynamic values).
 */
package org.actiontriggers.deliver.broker;

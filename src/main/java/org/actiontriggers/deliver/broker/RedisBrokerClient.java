package org.actiontriggers.deliver.broker;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Publishes to Redis with Jedis, in one of two forms chosen by the parameters:
 *
 * <ul>
 *   <li>{@code channel}: {@code PUBLISH} of the body alone, as Django Action Triggers does — fire and forget
 *       for subscribers that are connected at that moment; pub/sub has no place for metadata.
 *   <li>{@code stream}: {@code XADD} of an entry with the fields {@code body}, {@code content-type} and the
 *       four {@code action-triggers-*} metadata fields — durable, read by consumer groups at their own pace,
 *       and deduplicable on the delivery id. An optional {@code maxlen} trims the stream (approximately).
 * </ul>
 *
 * <p>Either way the command's reply is the acknowledgement. Connections are pooled and tested on borrow, so
 * a connection broken by a Redis restart is replaced instead of failing a publish.
 */
public final class RedisBrokerClient implements BrokerClient {

    static final Set<String> CONN_KEYS = Set.of("url", "host", "port", "username", "password", "db");
    private static final String WHAT = "redis conn";

    private final JedisPooled redis;

    /**
     * Prepares the connection pool and checks that Redis answers.
     *
     * @throws IllegalArgumentException naming a missing or wrong key
     * @throws IllegalStateException when Redis cannot be reached or refuses the credentials
     */
    public RedisBrokerClient(Map<String, String> conn) {
        ConnKeys.requireKnown(WHAT, conn, CONN_KEYS);
        String url = ConnKeys.optional(conn, "url");
        String host = ConnKeys.optional(conn, "host");
        if ((url == null) == (host == null)) {
            throw new IllegalArgumentException(WHAT + ": exactly one of 'url' and 'host' is required");
        }
        int port = ConnKeys.integer(WHAT, conn, "port", 6379, 1, 65_535);
        String username = ConnKeys.optional(conn, "username");
        String password = conn.get("password");
        int db = ConnKeys.integer(WHAT, conn, "db", 0, 0, Integer.MAX_VALUE);
        if (url != null) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(WHAT + ": 'url' is not a redis://host:port/db URL");
            }
            if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        WHAT + ": 'url' must be a redis://[user:password@]host[:port][/db] URL");
            }
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : 6379;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                if (parts.length == 2) {
                    username = parts[0].isEmpty() ? null : decode(parts[0]);
                    password = decode(parts[1]);
                } else {
                    password = decode(parts[0]);
                }
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
            if (!path.isEmpty()) {
                if (!path.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException(WHAT + ": the database in 'url' must be a number (0, 1, …)");
                }
                db = Integer.parseInt(path);
            }
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(5_000)
                .socketTimeoutMillis(10_000)
                .database(db)
                .clientName("action-triggers");
        if (username != null) {
            config.user(username);
        }
        if (password != null && !password.isEmpty()) {
            config.password(password);
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(32);
        pool.setTestOnBorrow(true);
        pool.setMaxWait(Duration.ofSeconds(10));
        redis = new JedisPooled(new HostAndPort(host, port), config.build(), pool);
        if (!isConnected()) {
            close();
            throw new IllegalStateException("cannot connect to Redis at " + host + ":" + port);
        }
    }

    @Override
    public void publish(BrokerMessage message) throws BrokerException {
        String channel = blankToNull(message.parameters().get("channel"));
        String stream = blankToNull(message.parameters().get("stream"));
        try {
            if (channel != null) {
                redis.publish(channel.getBytes(StandardCharsets.UTF_8), message.body());
            } else if (stream != null) {
                Map<byte[], byte[]> fields = new LinkedHashMap<>();
                fields.put(bytes("body"), message.body());
                if (message.contentType() != null) {
                    fields.put(bytes("content-type"), bytes(message.contentType()));
                }
                message.headers().forEach((name, value) -> fields.put(bytes(name), bytes(value)));
                XAddParams params = XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY);
                String maxlen = message.parameters().get("maxlen");
                if (maxlen != null) {
                    params.maxLen(Long.parseLong(maxlen.trim())).approximateTrimming();
                }
                redis.xadd(bytes(stream), params, fields);
            } else {
                throw new BrokerException("redis needs the parameter channel or stream", false, null);
            }
        } catch (NumberFormatException e) {
            throw new BrokerException("redis parameter maxlen is not a whole number", false, e);
        } catch (JedisConnectionException e) {
            throw new BrokerException("redis unreachable: " + e.getMessage(), true, e);
        } catch (JedisDataException e) {
            // a command error (WRONGTYPE, OOM, LOADING…): the next round may find it fixed
            throw new BrokerException("redis refused the command: " + e.getMessage(), true, e);
        } catch (JedisException e) {
            throw new BrokerException("redis publish failed: " + e.getMessage(), true, e);
        }
    }

    @Override
    public boolean isConnected() {
        try (Connection connection = redis.getPool().getResource()) {
            return connection.isConnected() && !connection.isBroken();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            redis.close();
        } catch (RuntimeException ignored) {
            // closing a pool whose server is gone: nothing more to release
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

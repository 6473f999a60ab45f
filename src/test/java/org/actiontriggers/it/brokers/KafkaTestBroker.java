package org.actiontriggers.it.brokers;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) for tests and the benchmark,
 * since no Kafka runs on the build machine. It runs {@code org.apache.kafka:kafka_2.13} from Maven Central at
 * the version of the {@code kafka-clients} on the classpath, in its own JVM (Kafka's Scala runtime and logging
 * stay out of the test JVM), on free loopback ports, with its data and log under {@code target/kafka-broker/}.
 *
 * <p>Use {@link #shared()} for the one broker of this JVM (started on first use, stopped at JVM exit); {@link
 * #stop()} and {@link #start()} make an outage drill: the broker comes back on the same port with the same
 * data. Topics are auto-created with {@value #DEFAULT_PARTITIONS} partitions; {@link #createTopic} makes one
 * explicitly. The broker's classpath is resolved once and cached in {@code target/kafka-broker/classpath-*.txt}.
 */
public final class KafkaTestBroker {

    public static final int DEFAULT_PARTITIONS = 3;
    /** Kafka's client logs its whole configuration at INFO and every refused connection at WARNING. */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            quiet("org.apache.kafka", java.util.logging.Level.WARNING),
            quiet("org.apache.kafka.clients.NetworkClient", java.util.logging.Level.SEVERE),
            quiet("org.apache.kafka.clients.admin.internals", java.util.logging.Level.SEVERE));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static KafkaTestBroker shared;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaTestBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * The broker of this JVM, started on first call and stopped when the JVM exits. It listens on the port the
     * system property {@code kafka.test.broker.port} names (so settings written before the server boots can
     * point at it), else on a free one.
     */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            String port = System.getProperty("kafka.test.broker.port", "");
            shared = port.isBlank() ? create() : create(Integer.parseInt(port.strip()));
            shared.start();
        } else if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    /** A new broker of its own (not started), for a test that wants to stop one without disturbing others. */
    public static KafkaTestBroker create() {
        return create(freePort());
    }

    /** A new broker of its own (not started) on the given port. */
    public static KafkaTestBroker create(int port) {
        int controllerPort = freePort();
        Path dir = ChildProcesses.freshDir("kafka.test.broker.dir", "target/kafka-broker", "broker-" + port);
        KafkaTestBroker broker = new KafkaTestBroker(dir, port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-test-broker-stop"));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's own output (appended across restarts), for reading when a test fails. */
    public Path logFile() {
        return dir.resolve("broker.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (formatting its storage the first time) and returns once it serves requests. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path properties = writeProperties();
            String classpath = classpath();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                format(classpath, properties);
            }
            List<String> command = javaCommand(classpath);
            command.add("-Dlog4j2.configurationFile=" + writeLogConfig());
            command.add(KafkaBrokerLauncher.class.getName());
            command.add(properties.toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka test broker in " + dir, e);
        }
        Process started = process;
        try (Admin admin = admin()) {
            await("Kafka test broker on " + bootstrapServers() + " (log: " + logFile() + ")")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("the broker process exited; see " + logFile(), () -> !started.isAlive())
                    .until(() -> !admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty());
        }
    }

    /** Stops the broker gracefully (SIGTERM, then a hard kill after 30 s); its data stays for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        stopping.destroy();
        try {
            if (!stopping.waitFor(30, TimeUnit.SECONDS)) {
                stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates a topic unless it exists, and returns once the broker reports a leader for every partition (a
     * producer sending earlier gets "not leader" answers and retries).
     */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                }
            }
            await("leaders of topic " + topic)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(5, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions()
                            .stream()
                            .allMatch(partition -> partition.leader() != null
                                    && !partition.leader().isEmpty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
    }

    /** An admin client on this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private Path writeProperties() throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", dir.resolve("data").toAbsolutePath().toString());
        props.setProperty("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("num.network.threads", "2");
        props.setProperty("num.io.threads", "2");
        props.setProperty("log.flush.interval.messages", "9223372036854775807");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "Kafka test broker (KafkaTestBroker)");
        }
        return file;
    }

    /** Warnings and errors, plus the line saying the server started, to broker.log. */
    private Path writeLogConfig() throws IOException {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "appender.out.type = Console",
                        "appender.out.name = OUT",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = WARN",
                        "rootLogger.appenderRef.out.ref = OUT",
                        "logger.started.name = kafka.server.KafkaRaftServer",
                        "logger.started.level = INFO",
                        ""));
        return file;
    }

    private void format(String classpath, Path properties) throws IOException {
        List<String> command = javaCommand(classpath);
        command.addAll(List.of(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                properties.toString(),
                "--ignore-formatted"));
        Process formatting = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!formatting.waitFor(120, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka test broker's storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            formatting.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static List<String> javaCommand(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classpath));
        return command;
    }

    /**
     * kafka_2.13 and its dependencies, resolved from Maven (local repository first), plus the directory or jar
     * holding {@link KafkaBrokerLauncher}; cached in target/kafka-broker/classpath-*.txt for the next start.
     */
    private static synchronized String classpath() throws IOException {
        // Kafka's own distribution adds the SLF4J binding for log4j 2; the artifact leaves it out
        String[] coordinates = {
            "org.apache.kafka:kafka_2.13:" + AppInfoParser.getVersion(),
            "org.apache.logging.log4j:log4j-slf4j-impl:2.24.3"
        };
        Path cache = baseDir().resolve("classpath-" + Integer.toHexString(Arrays.hashCode(coordinates)) + ".txt");
        if (Files.exists(cache)) {
            String cached = Files.readString(cache).strip();
            if (Arrays.stream(cached.split(File.pathSeparator)).allMatch(entry -> new File(entry).exists())) {
                return cached;
            }
        }
        File[] jars = Maven.resolver().resolve(coordinates).withTransitivity().asFile();
        String launcher = new File(KafkaBrokerLauncher.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .getAbsolutePath();
        String classpath = launcher
                + File.pathSeparator
                + Arrays.stream(jars).map(File::getAbsolutePath).collect(Collectors.joining(File.pathSeparator));
        Files.writeString(cache, classpath);
        return classpath;
    }

    private static Path baseDir() {
        Path base = Paths.get(System.getProperty("kafka.test.broker.dir", "target/kafka-broker"))
                .toAbsolutePath();
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return base;
    }

    private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private static int freePort() {
        return ChildProcesses.freePort();
    }
}

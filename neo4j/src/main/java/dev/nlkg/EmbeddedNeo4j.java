package dev.nlkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

import inet.ipaddr.IPAddressString;

/**
 * Starts Neo4j in-process with only the Bolt connector on loopback.
 *
 * Arguments: dataDir boltPort pageCacheMb txTimeoutSeconds.
 * Prints "READY bolt://127.0.0.1:PORT" once Bolt accepts connections, so the Node side needs no polling.
 * Exits (shutting the store down cleanly) on SIGTERM/SIGINT or when stdin closes: the parent Node process
 * keeps stdin open, so a parent killed with -9 never leaves an orphaned JVM holding the store lock.
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort> <pageCacheMb> <txTimeoutSeconds>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = Long.parseLong(args[2]);
        long txTimeout = Long.parseLong(args[3]);
        // LOAD CSV must not reach the file system: file URLs are off and the import root is an empty folder.
        Path importDir = dataDir.resolve("import-empty");
        Files.createDirectories(importDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                // ...and LOAD CSV may reach no network address either: every IPv4/IPv6 range is blocked.
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // Bolt's default graceful shutdown idles ~10 s after the stores are already closed; on a
                // loopback-only server there is nothing to wait for.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .build();

        Thread shutdown = new Thread(() -> {
            System.err.println("embedded-neo4j: shutting down");
            dbms.shutdown();
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Parent watchdog: EOF on stdin means the Node process that owns us is gone.
        InputStream in = System.in;
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
            // ignore input; only EOF matters
        }
        System.exit(0);
    }
}

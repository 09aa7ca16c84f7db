package aelab.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** environment/notebook.sh as a user starts it (as root here, as the set-up runs): loopback, with a token. */
class NotebookServerTest {

    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+)/\\S*\\?token=([0-9a-f]+))");

    @Test
    void startsOnLoopbackAndServesTheNotebookListOnlyWithItsToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path script = Path.of("environment", "notebook.sh").toAbsolutePath();
        Process server = new ProcessBuilder("bash", script.toString(), "--port=" + port, "--port-retries=0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            String token = null;
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (url == null && System.nanoTime() < deadline) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                seen.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                    token = m.group(3);
                }
            }
            assertNotNull(url, "no URL with a token on 127.0.0.1 printed; output:\n" + seen);
            // keep reading the server's log so it never blocks on a full pipe; the pipe closes when it stops
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (java.io.IOException closedAtShutdown) {
                    // the server was stopped: nothing more to read
                }
            });
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String api = "http://127.0.0.1:" + port + "/api/contents";
            HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(api + "?token=" + token))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, withToken.statusCode(), withToken.body());
            assertTrue(withToken.body().contains("01-autoencoder-basics.ipynb"), withToken.body());
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(api)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, without.statusCode(), "the notebook list without the token");
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }
}

package dev.farthing.server.http.console;

import dev.farthing.server.ApiKeys;
import dev.farthing.server.Role;
import dev.farthing.server.keys.KeyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions: random ids, bounded in number, idle and absolute expiry, roles that may log in. */
class ConsoleSessionsTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void sessionsAreRandomBoundedAndExpire() {
        ApiKeys.initialise(dir);
        String key = ApiKeys.create(dir, Role.REVIEWER, "r");
        TestClock clock = new TestClock();
        ConsoleSessions sessions = new ConsoleSessions(new KeyRegistry(dir), clock);
        Set<String> ids = new HashSet<>();
        ConsoleSessions.Session first = sessions.login(key);
        for (int i = 0; i < ConsoleSessions.MAX_SESSIONS + 50; i++) {
            clock.now = clock.now.plusMillis(1);
            ConsoleSessions.Session s = sessions.login(key);
            assertThat(ids.add(s.id())).isTrue();
            assertThat(s.csrfToken()).isNotEqualTo(s.id()).hasSize(43);
            assertThat(sessions.size()).isLessThanOrEqualTo(ConsoleSessions.MAX_SESSIONS);
        }
        assertThat(sessions.resolve(first.id())).as("the oldest session made room").isNull();
        ConsoleSessions.Session s = sessions.login(key);
        clock.now = clock.now.plus(ConsoleSessions.IDLE.minusSeconds(1));
        assertThat(sessions.resolve(s.id())).isNotNull(); // use extends the idle expiry...
        clock.now = clock.now.plus(ConsoleSessions.IDLE.minusSeconds(1));
        assertThat(sessions.resolve(s.id())).isNotNull();
        clock.now = clock.now.plus(ConsoleSessions.IDLE);
        assertThat(sessions.resolve(s.id())).isNull(); // ...but not idleness

        ConsoleSessions.Session busy = sessions.login(key);
        for (Duration used = Duration.ZERO; used.compareTo(ConsoleSessions.ABSOLUTE) < 0; used = used.plusMinutes(20)) {
            assertThat(sessions.resolve(busy.id())).as("after " + used).isNotNull();
            clock.now = clock.now.plus(Duration.ofMinutes(20));
        }
        assertThat(sessions.resolve(busy.id())).as("absolute expiry, however busy").isNull();
        assertThat(sessions.resolve("not-a-session")).isNull();
        assertThat(sessions.resolve(null)).isNull();
    }

    @Test
    void onlyConsoleRolesLogIn() {
        ApiKeys.initialise(dir);
        KeyRegistry keys = new KeyRegistry(dir);
        ConsoleSessions sessions = new ConsoleSessions(keys);
        for (Role r : Role.values()) {
            String key = ApiKeys.create(dir, r, r.wire());
            if (r == Role.OPERATOR) {
                assertThatThrownBy(() -> sessions.login(key)).isInstanceOf(ConsoleSessions.NotAConsoleRole.class);
            } else {
                assertThat(sessions.login(key).principal().role()).isEqualTo(r);
            }
        }
        assertThat(sessions.login("fk_unknown")).isNull();
    }
}

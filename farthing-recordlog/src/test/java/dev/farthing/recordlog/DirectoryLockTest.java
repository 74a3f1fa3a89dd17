package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryLockTest {
    @TempDir
    Path tmp;

    @Test
    void createsTheDirectoryAndRefusesASecondHolderNamingTheDirectory() {
        Path dir = tmp.resolve("data");
        try (DirectoryLock first = DirectoryLock.acquire(dir, "LOCK", "data directory")) {
            assertThat(first.directory()).isEqualTo(dir);
            assertThat(Files.isRegularFile(dir.resolve("LOCK"))).isTrue();
            assertThatThrownBy(() -> DirectoryLock.acquire(dir, "LOCK", "data directory"))
                    .isInstanceOf(DirectoryLock.InUseException.class)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("data directory " + dir + " is in use by another process");
        }
    }

    @Test
    void isHeldOnlyWhileLockedAndAReleasedDirectoryCanBeLockedAgain() {
        Path dir = tmp.resolve("state");
        assertThat(DirectoryLock.isHeld(dir, ".lock")).as("no lock file yet").isFalse();
        DirectoryLock lock = DirectoryLock.acquire(dir, ".lock", "bank connector state");
        assertThat(DirectoryLock.isHeld(dir, ".lock")).isTrue();
        lock.close();
        lock.close(); // a second close does nothing
        assertThat(DirectoryLock.isHeld(dir, ".lock")).as("the file stays, the lock is gone").isFalse();
        try (DirectoryLock again = DirectoryLock.acquire(dir, ".lock", "bank connector state")) {
            assertThat(DirectoryLock.isHeld(dir, ".lock")).isTrue();
        }
    }

    @Test
    void locksOnDifferentFilesInOneDirectoryAreIndependent() {
        try (DirectoryLock a = DirectoryLock.acquire(tmp, "a.lock", "store");
             DirectoryLock b = DirectoryLock.acquire(tmp, "b.lock", "store")) {
            assertThat(DirectoryLock.isHeld(tmp, "a.lock")).isTrue();
            assertThat(DirectoryLock.isHeld(tmp, "b.lock")).isTrue();
        }
    }
}

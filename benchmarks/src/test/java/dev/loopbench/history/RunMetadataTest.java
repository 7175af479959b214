package dev.loopbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetadataTest {

    @Test
    void remotesOfGithubLikeHostsBecomeHttpsUrls() {
        assertEquals(Optional.of("https://github.com/o/r"), RunMetadata.httpsUrl("git@github.com:o/r.git"));
        assertEquals(Optional.of("https://github.com/o/r"), RunMetadata.httpsUrl("https://github.com/o/r.git"));
        assertEquals(
                Optional.of("https://gitlab.example.org/g/s/r"),
                RunMetadata.httpsUrl("ssh://git@gitlab.example.org:2222/g/s/r.git"));
        assertEquals(Optional.of("https://github.com/o/r"), RunMetadata.httpsUrl("https://user@github.com/o/r/"));
        assertEquals(Optional.empty(), RunMetadata.httpsUrl("/srv/git/r.git"));
        assertEquals(Optional.empty(), RunMetadata.httpsUrl("file:///srv/git/r.git"));
    }

    @Test
    void aRunInACheckoutRecordsItsCommitRemoteAndMachine(@TempDir Path repository) throws Exception {
        git(repository, "init", "-q");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x");
        git(repository, "remote", "add", "origin", "git@github.com:someone/loopbench.git");
        RunMetadata here = RunMetadata.here(repository);
        assertEquals(40, here.commit().length());
        assertFalse(here.dirty());
        assertEquals("https://github.com/someone/loopbench/commit/" + here.commit(), here.commitUrl());
        assertEquals(Runtime.getRuntime().availableProcessors(), here.cores());
        assertTrue(here.memoryBytes() > 0);

        here.write(repository);
        assertEquals(Optional.of(here), RunMetadata.read(repository));
    }

    @Test
    void outsideACheckoutThereIsNoCommit(@TempDir Path folder) throws Exception {
        RunMetadata here = RunMetadata.here(folder);
        assertEquals("", here.commit());
        assertEquals("", here.commitUrl());
        assertEquals(Optional.empty(), RunMetadata.read(folder.resolve("nothing")));
        Files.createDirectories(folder.resolve("nothing"));
        assertEquals(Optional.empty(), RunMetadata.read(folder.resolve("nothing")));
    }

    private static void git(Path repository, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repository.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor());
    }
}

package dev.kiln.runtime.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that nothing a user saved is lost: the new content goes to a temporary file beside
 * the target, which then takes the target's place. An interrupted or failed write leaves the old file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the whole new content to the file it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  /**
   * Writes {@code content} to a temporary file named after {@code target} and ending in {@code suffix}
   * (some writers insist on an extension), then moves it over {@code target}, atomically where the file
   * system can. The temporary file never outlives the call.
   */
  public static void replace(Path target, String suffix, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), suffix);
    try {
      content.writeTo(temp);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

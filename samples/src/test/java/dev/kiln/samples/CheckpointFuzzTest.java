package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.samples.fixtures.NormMlpModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code loadCheckpoint} under Jazzer: any bytes are a checkpoint of this trainer, or are refused with an
 * {@link IOException} or {@link IllegalArgumentException} that names the file, and leave the trainer as
 * it was; anything else fails. Corpus in {@code CheckpointFuzzTestInputs/}.
 */
class CheckpointFuzzTest {
  private static final Path FILE;
  private static final NormMlpModel MODEL = NormMlpModel.create(1);
  private static final KilnTrainer TRAINER = MODEL.trainer(Adam.lr(1e-3f));

  static {
    try {
      FILE = Files.createTempFile("fuzzed-checkpoint", ".safetensors");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void anyBytesAreACheckpointOrRefusedWithAMessage(byte[] bytes) throws IOException {
    long start = System.nanoTime();
    Files.write(FILE, bytes);
    float[] before = MODEL.parameters().clone();
    try {
      TRAINER.loadCheckpoint(FILE);
    } catch (IOException | IllegalArgumentException e) {
      assertNotNull(e.getMessage(), "a refusal without a message: " + e);
      assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
      assertArrayEquals(before, MODEL.parameters(), "a failed load changed the parameters");
    }
    // A read must not take long, whatever the bytes say.
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "the read took over a second");
  }
}

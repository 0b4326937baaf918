package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fixtures.CausalTaggerModel;
import dev.kiln.samples.fixtures.WordLanguageModel;
import dev.kiln.samples.fixtures.WordLanguageTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token models through the public contract: {@code fit} on {@code Dataset.ofTokens} (a label per row, or
 * per position), save and load, and the errors a token batch can have, each named before anything changes.
 */
class SequenceTrainingTest {
  @TempDir Path dir;

  /**
   * Made-up words of up to 24 letters (ids 1 to 63, 0 padding), in five "languages" that each favour eight
   * letters of their own, as word lists in five languages favour their letters.
   */
  static Dataset words(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] tokens = new int[rows * 24];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      int language = random.nextInt(5);
      labels[r] = language;
      int length = 3 + random.nextInt(10);
      // The first position is a [CLS] token, id 1, which the model's FIRST pool reads.
      tokens[r * 24] = 1;
      for (int t = 1; t <= length; t++) {
        tokens[r * 24 + t] = random.nextInt(3) > 0 ? 2 + language * 8 + random.nextInt(8) : 2 + random.nextInt(62);
      }
    }
    return Dataset.ofTokens(tokens, 24, labels);
  }

  @Test
  void theContractsModelLearnsMadeUpWordsThroughFit() {
    Dataset data = words(600, 1);
    Dataset.Split split = data.split(0.2, 2);
    WordLanguageModel model = WordLanguageModel.create(3);
    TrainingHistory history = model.trainer(Adam.lr(1e-3f), 4).fit(split.train(),
        FitOptions.epochs(4).batchSize(32).validation(split.test()).progress(false));
    double accuracy = history.epochs().get(history.epochs().size() - 1).validationAccuracy();
    assertTrue(accuracy > 0.9, "validation accuracy " + accuracy);
  }

  @Test
  void aTaggerFitsALabelPerPositionAndIsMeasuredWhereTheLabelIsAClass() {
    SplittableRandom random = new SplittableRandom(5);
    int rows = 200;
    int[] tokens = new int[rows * 7];
    int[] next = new int[rows * 7];
    for (int r = 0; r < rows; r++) {
      int start = 1 + random.nextInt(11);
      int length = 3 + random.nextInt(5);
      // Counting up from a random start: the next token is this one plus one, learnable from the last alone.
      for (int t = 0; t < 7; t++) tokens[r * 7 + t] = t < length ? 1 + (start + t - 1) % 11 : 0;
      for (int t = 0; t < 7; t++) next[r * 7 + t] = t + 1 < length ? tokens[r * 7 + t + 1] : -100;
    }
    Dataset data = Dataset.ofTokens(tokens, 7, next);
    assertEquals(7, data.labelWidth());
    TrainingHistory history = CausalTaggerModel.create(1).trainer(Adam.lr(3e-3f)).fit(data,
        FitOptions.epochs(30).batchSize(20).progress(false));
    double accuracy = history.epochs().get(history.epochs().size() - 1).accuracy();
    assertTrue(accuracy > 0.95, "per-position accuracy " + accuracy);
  }

  @Test
  void aTokenModelRefusesADatasetOfFeatures() {
    Dataset floats = Dataset.ofClasses(new float[48], 24, new int[2]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WordLanguageModel.create(0).trainer(Adam.lr(1e-3f)).fit(floats, FitOptions.epochs(1).progress(false)));
    assertEquals("the dataset holds floats, but the model reads token ids; expected a dataset made with"
        + " Dataset.ofTokens", e.getMessage());
  }

  @Test
  void anIdOutsideTheVocabularyIsNamedWithItsRowAndPositionBeforeAnythingChanges() {
    WordLanguageModel model = WordLanguageModel.create(0);
    float[] before = model.parameters().clone();
    int[] tokens = new int[48];
    tokens[0] = 1;
    tokens[24] = 1;
    tokens[24 + 5] = 64;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.trainer(Adam.lr(1e-3f)).step(tokens, new int[] {0, 1}));
    assertEquals("token id 64 at row 1, position 5 is outside the vocabulary: ids must be in [0, 64)", e.getMessage());
    assertArrayEquals(before, model.parameters());
  }

  @Test
  void aRowOfOnlyPaddingIsNamed() {
    int[] tokens = new int[48];
    tokens[0] = 3;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WordLanguageModel.create(0).forward(tokens));
    assertTrue(e.getMessage().startsWith("row 1 holds only padding (token id 0)"), e.getMessage());
  }

  @Test
  void oneTargetPerExampleForAnOutputPerPositionSuggestsPooling() {
    int[] tokens = new int[14];
    tokens[0] = 1;
    tokens[7] = 2;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CausalTaggerModel.create(0).trainer(Adam.lr(1e-3f)).step(tokens, new int[] {3, 4}));
    assertEquals("targets has 2 class indices; the output is a sequence [2 rows x 7 positions], which takes one per"
        + " position: 14. One target per example needs an output per example: reduce the sequence with"
        + " @SequencePool(...) before the last @Linear", e.getMessage());
  }

  @Test
  void aTargetPerPositionForAnOutputPerRowIsNamed() {
    int[] tokens = new int[48];
    tokens[0] = 1;
    tokens[24] = 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WordLanguageModel.create(0).trainer(Adam.lr(1e-3f)).step(tokens, new int[48]));
    assertTrue(e.getMessage().startsWith("targets has 48 class indices, one per position of [2 rows x 24"
        + " positions]; the output is one vector per row"), e.getMessage());
  }

  @Test
  void floatFormsOfATokenModelSayWhichFormToCall() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> WordLanguageModel.create(0).forward(new float[24]));
    assertTrue(e.getMessage().startsWith("WordLanguageModel reads token ids, 24 per row, not floats"), e.getMessage());
  }

  @Test
  void aSavedTokenModelLoadsWithTheSameOutputs() throws IOException {
    WordLanguageModel model = WordLanguageModel.create(8);
    WordLanguageTrainer trainer = model.trainer(Adam.lr(1e-3f), 2);
    Dataset data = words(64, 9);
    trainer.step(data.tokens(), data.labels());
    Path file = dir.resolve("words.safetensors");
    model.save(file);
    assertTrue(Files.size(file) > 4 * WordLanguageModel.PARAMETER_COUNT);
    assertArrayEquals(model.forward(data.tokens()), WordLanguageModel.load(file).forward(data.tokens()));
  }
}

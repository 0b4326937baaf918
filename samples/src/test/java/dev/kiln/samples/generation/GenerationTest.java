package dev.kiln.samples.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.generation.Generator;
import dev.kiln.runtime.generation.Sampling;
import dev.kiln.runtime.graph.EmbeddingOp;
import dev.kiln.samples.fixtures.CausalTaggerModel;
import dev.kiln.samples.fixtures.CausalTokensModel;
import dev.kiln.samples.fixtures.ComposedGptModel;
import dev.kiln.samples.fixtures.TinyGptModel;
import dev.kiln.samples.fixtures.WordLanguageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A causal model's generator computes one position per token with its keys and values kept, and gives
 * what the model's forward pass gives over the same (cropped) window: the same logits, within rounding,
 * and so the same greedy tokens, also long after the window's end.
 */
class GenerationTest {
  /** A model with random weights and a generator of it, by name. */
  record Case(String name, KilnModel model, Function<Sampling, Generator> generator) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> models() {
    TinyGptModel tiny = TinyGptModel.create(3);
    ComposedGptModel composed = ComposedGptModel.create(4);
    CausalTaggerModel tagger = CausalTaggerModel.create(5);
    return Stream.of(new Case("TinyGpt", tiny, tiny::generator),
        new Case("ComposedGpt", composed, composed::generator),
        new Case("CausalTagger", tagger, tagger::generator));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void greedyTokensEqualThoseOfForwardOverTheCroppedWindow(Case c) {
    int[] prompt = {1, 2, 3};
    int[] generated = c.generator().apply(Sampling.greedy()).generate(prompt, 300);
    List<Integer> sequence = new ArrayList<>();
    for (int token : prompt) sequence.add(token);
    for (int i = 0; i < generated.length; i++) {
      float[] logits = forwardLogits(c.model(), sequence);
      assertEquals(argmax(logits), generated[i], c.name() + " token " + i);
      sequence.add(generated[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void eachTokensLogitsEqualForwardsAtItsPositionAcrossTheWindowsEnd(Case c) {
    Generator generator = c.generator().apply(Sampling.greedy());
    List<Integer> sequence = new ArrayList<>();
    int token = 1;
    for (int i = 0; i < 3 * generator.length(); i++) {
      sequence.add(token);
      token = generator.next(token);
      float[] expected = forwardLogits(c.model(), sequence);
      assertArrayEquals(expected, generator.logits(), 2e-5f * (1 + maxAbs(expected)), c.name() + " position " + i);
    }
  }

  @Test
  void samplingWithTheSameSeedGivesTheSameTokens() {
    TinyGptModel model = TinyGptModel.create(3);
    Sampling sampling = Sampling.temperature(0.8f).topK(5).seed(7);
    int[] first = model.generator(sampling).generate(new int[] {4, 5}, 50);
    int[] again = model.generator(sampling).generate(new int[] {4, 5}, 50);
    assertArrayEquals(first, again);
    Generator reused = model.generator(sampling);
    reused.generate(new int[] {9}, 20);
    assertArrayEquals(first, reused.generate(new int[] {4, 5}, 50), "generate starts again from the seed");
  }

  @Test
  void samplingWithAnotherSeedGivesOtherTokens() {
    TinyGptModel model = TinyGptModel.create(3);
    int[] a = model.generator(Sampling.temperature(1f).seed(1)).generate(new int[] {4}, 50);
    int[] b = model.generator(Sampling.temperature(1f).seed(2)).generate(new int[] {4}, 50);
    assertFalse(Arrays.equals(a, b));
  }

  @Test
  void topKDrawsOnlyAmongTheKLargestLogits() {
    TinyGptModel model = TinyGptModel.create(3);
    Generator generator = model.generator(Sampling.temperature(2f).topK(3).seed(11));
    int token = 4;
    for (int i = 0; i < 100; i++) {
      int next = generator.next(token);
      float[] logits = generator.logits();
      float[] sorted = logits.clone();
      Arrays.sort(sorted);
      assertTrue(logits[next] >= sorted[sorted.length - 3], "token " + next + " is among the 3 largest");
      token = next;
    }
  }

  @Test
  void nextGoesOnWhereGenerateStopped() {
    TinyGptModel model = TinyGptModel.create(3);
    int[] whole = model.generator(Sampling.greedy()).generate(new int[] {1, 2}, 20);
    Generator generator = model.generator(Sampling.greedy());
    int[] part = generator.generate(new int[] {1, 2}, 12);
    int token = part[part.length - 1];
    int[] streamed = Arrays.copyOf(part, 20);
    for (int i = 12; i < 20; i++) streamed[i] = token = generator.next(token);
    assertArrayEquals(whole, streamed);
  }

  @Test
  void aPromptLongerThanTheWindowGivesWhatItsLastWindowGives() {
    TinyGptModel model = TinyGptModel.create(3);
    int[] longPrompt = {9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8};
    int[] lastWindow = Arrays.copyOfRange(longPrompt, longPrompt.length - 8, longPrompt.length);
    assertArrayEquals(model.generator(Sampling.greedy()).generate(lastWindow, 10),
        model.generator(Sampling.greedy()).generate(longPrompt, 10));
  }

  @Test
  void anEmptyPromptIsRefused() {
    Generator generator = TinyGptModel.create(0).generator(Sampling.greedy());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generate(new int[0], 3));
    assertEquals("the prompt is empty; expected at least one token", e.getMessage());
  }

  @Test
  void aTokenOutsideTheVocabularyIsRefusedNamingIt() {
    Generator generator = TinyGptModel.create(0).generator(Sampling.greedy());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(new int[] {1, 16}, 3));
    assertEquals("prompt[1] 16 is outside the vocabulary [0, 16)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> generator.next(-1));
    assertEquals("token -1 is outside the vocabulary [0, 16)", e.getMessage());
  }

  @Test
  void aNegativeNumberOfNewTokensIsRefused() {
    Generator generator = TinyGptModel.create(0).generator(Sampling.greedy());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generate(new int[] {1}, -1));
    assertEquals("newTokens -1 is negative", e.getMessage());
  }

  @Test
  void modelsThatCannotGenerateHaveNoGeneratorMethod() {
    for (Class<?> type : List.of(WordLanguageModel.class, CausalTokensModel.class)) {
      assertFalse(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("generator")),
          type.getSimpleName() + " pools its positions");
    }
  }

  @Test
  void aGeneratorReadsTheParametersAsTheyAreNow() {
    TinyGptModel model = TinyGptModel.create(3);
    Generator generator = model.generator(Sampling.greedy());
    generator.next(1);
    float[] before = generator.logits();
    Arrays.fill(model.parameters(), 0f);
    generator.reset();
    generator.next(1);
    assertFalse(Arrays.equals(before, generator.logits()));
  }

  /** The logits forward gives at the last position of the sequence's last window, padded after it. */
  static float[] forwardLogits(KilnModel model, List<Integer> sequence) {
    int length = model.inputSize();
    EmbeddingOp embedding = (EmbeddingOp) model.layers().get(0).operations().get(0);
    int fill = Math.max(0, embedding.paddingIndex());
    int from = Math.max(0, sequence.size() - length);
    int[] row = new int[length];
    Arrays.fill(row, fill);
    for (int i = from; i < sequence.size(); i++) row[i - from] = sequence.get(i);
    float[] out = model.forward(row);
    int vocabulary = embedding.vocabulary();
    int at = (sequence.size() - from - 1) * vocabulary;
    return Arrays.copyOfRange(out, at, at + vocabulary);
  }

  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) best = i;
    }
    return best;
  }

  private static float maxAbs(float[] values) {
    float max = 0;
    for (float v : values) max = Math.max(max, Math.abs(v));
    return max;
  }
}

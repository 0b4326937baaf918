package dev.kiln.runtime.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Temperature, top-k and top-p leave the same tokens to draw from as PyTorch's recipes
 * ({@code pytorch/sampling_cases.py}: nanoGPT's top-k, Hugging Face's {@code TopPLogitsWarper}), on fixed
 * logits with ties among them; and the withers check their values.
 */
class SamplingTest {
  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = SamplingTest.class.getResourceAsStream("/pytorch/sampling-cases.json")) {
      List<JsonNode> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(cases::add);
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void theCandidatesArePyTorchs(JsonNode c) {
    int n = c.get("logits").size();
    float[] logits = new float[n];
    for (int i = 0; i < n; i++) logits[i] = (float) c.get("logits").get(i).asDouble();
    Sampling sampling = Sampling.temperature((float) c.get("t").asDouble());
    if (c.get("k").asInt() > 0) sampling = sampling.topK(c.get("k").asInt());
    if (c.get("p").asDouble() < 1) sampling = sampling.topP((float) c.get("p").asDouble());
    sampling.probabilities(logits, n, new long[n]);
    List<Integer> candidates = new ArrayList<>();
    float sum = 0;
    for (int i = 0; i < n; i++) {
      if (logits[i] > 0f) candidates.add(i);
      sum += logits[i];
    }
    List<Integer> expected = new ArrayList<>();
    c.get("candidates").forEach(i -> expected.add(i.asInt()));
    assertEquals(expected, candidates, sampling + " on " + c.get("logits"));
    assertEquals(1f, sum, 1e-5f, "the candidates' probabilities add up to 1");
  }

  @Test
  void aTemperatureThatIsNotPositiveAndFiniteIsRefused() {
    for (float t : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(t));
      assertEquals("temperature " + t + " is invalid; expected a positive finite number", e.getMessage());
    }
  }

  @Test
  void aTopKBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(1f).topK(0));
    assertEquals("topK 0 is invalid; expected at least 1", e.getMessage());
  }

  @Test
  void aTopPOutsideZeroToOneIsRefused() {
    for (float p : new float[] {0f, 1.5f, Float.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.temperature(1f).topP(p));
      assertEquals("topP " + p + " is invalid; expected (0, 1]", e.getMessage());
    }
  }

  @Test
  void withersReturnANewSamplingAndLeaveTheirReceiverAlone() {
    Sampling base = Sampling.temperature(0.8f);
    Sampling seeded = base.topK(20).seed(3);
    assertNotSame(base, seeded);
    assertEquals("Sampling.temperature(0.8).seed(0)", base.toString());
    assertEquals("Sampling.temperature(0.8).topK(20).seed(3)", seeded.toString());
  }
}

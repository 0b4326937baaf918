package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.generation.Generator;
import dev.kiln.runtime.generation.Sampling;
import dev.kiln.samples.fixtures.CausalTaggerModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generator's next-token logits, position by position, equal PyTorch's eval-mode outputs for the same
 * weights: the causal tagger of {@code seq_trajectory.py} after its three steps of SGD, fed one token at a
 * time (its padding included, as keys not attended to), against the whole rows PyTorch computed at once.
 */
class GeneratorFollowsPyTorchTest {
  @Test
  void eachPositionsLogitsEqualPyTorchsForward() throws IOException {
    JsonNode side;
    try (InputStream in = GeneratorFollowsPyTorchTest.class.getResourceAsStream("/pytorch/seq-trajectory.json")) {
      side = new ObjectMapper().readTree(in).get("CausalTagger");
    }
    JsonNode sgd = side.get("cases").get(0);
    CausalTaggerModel model = CausalTaggerModel.create(0);
    float[] trained = NormAndResidualTrajectoryTest.floats(sgd.get("final"));
    System.arraycopy(trained, 0, model.parameters(), 0, trained.length);
    int[] tokens = NormAndResidualTrajectoryTest.ints(side.get("tokens"));
    float[] torch = NormAndResidualTrajectoryTest.floats(sgd.get("eval"));
    int length = CausalTaggerModel.IN;
    int classes = 12;
    Generator generator = model.generator(Sampling.greedy());
    for (int row = 0; row < tokens.length / length; row++) {
      generator.reset();
      for (int t = 0; t < length; t++) {
        generator.next(tokens[row * length + t]);
        int at = (row * length + t) * classes;
        assertArrayEquals(Arrays.copyOfRange(torch, at, at + classes), generator.logits(), 1e-4f,
            "row " + row + ", position " + t);
      }
    }
  }
}

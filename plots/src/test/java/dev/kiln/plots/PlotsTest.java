package dev.kiln.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.graph.Readout;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.TrainingHistory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
  @TempDir Path dir;

  @Test
  void aHistoryBecomesAnImageOfTheChartsSize() throws IOException {
    TrainingHistory history = new TrainingHistory(List.of(
        new EpochResult(1, 0.9, 0.1, 0.6, 0.55, 1, 100), new EpochResult(2, 0.5, 0.1, 0.8, 0.75, 1, 100),
        new EpochResult(3, 0.3, 0.1, 0.9, 0.85, 1, 100)));
    Path png = dir.resolve("history.png");
    Plots.history(history, "loss and accuracy", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(800, image.getWidth());
    assertEquals(600, image.getHeight());
  }

  @Test
  void decisionRegionsColourThePlaneByThePredictedClass() throws IOException {
    float[] x = {-2f, -1f, -1.5f, 1f, 2f, 1f, 1.5f, -1f};
    Path png = dir.resolve("regions.png");
    Plots.decisionRegions(new LeftOrRight(), x, new int[] {0, 0, 1, 1}, "regions", png);
    BufferedImage image = ImageIO.read(png.toFile());
    // Left and right of the plot's middle lie in different regions, so they are painted differently.
    int y = image.getHeight() / 2;
    assertNotEquals(image.getRGB(image.getWidth() / 4, y), image.getRGB(3 * image.getWidth() / 4, y));
  }

  @Test
  void savingLeavesNoTemporaryFileBehind() throws IOException {
    Plots.lossCurve(new float[] {3f, 2f, 1f}, "step", "loss", dir.resolve("loss.png"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("loss.png")), files.toList());
    }
  }

  @Test
  void decisionRegionsNeedTwoInputs() {
    KilnModel threeInputs = new LeftOrRight() {
      @Override
      public int inputSize() {
        return 3;
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.decisionRegions(threeInputs, new float[3], new int[1], "t", dir.resolve("x.png")));
    assertEquals("decision regions need a model of 2 inputs; this one takes 3", e.getMessage());
  }

  /** A stand-in classifier of two inputs: class 1 right of x1 = 0. */
  private static class LeftOrRight implements KilnModel {
    @Override public int inputSize() { return 2; }
    @Override public int outputSize() { return 2; }
    @Override public float[] forward(float[] x) { throw new UnsupportedOperationException("the plots only predict"); }
    @Override public float[] forward(float[] x, float[] out) { throw new UnsupportedOperationException("the plots only predict"); }
    @Override public Readout readout() { return Readout.SOFTMAX; }
    @Override public List<Layer> layers() { return List.of(); }
    @Override public float[] parameters() { return new float[0]; }
    @Override public StateDict stateDict() { return StateDict.builder().build(); }
    @Override public void save(Path path) { throw new UnsupportedOperationException("the plots only predict"); }
    @Override public KilnTrainer trainer(Optimizer optimizer) { throw new UnsupportedOperationException("the plots only predict"); }

    @Override
    public int[] predict(float[] x) {
      int[] classes = new int[x.length / 2];
      for (int i = 0; i < classes.length; i++) classes[i] = x[2 * i] > 0 ? 1 : 0;
      return classes;
    }
  }
}

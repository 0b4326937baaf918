package dev.kiln.plots;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.io.AtomicFiles;
import dev.kiln.runtime.train.TrainingHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG pictures of training: loss and accuracy curves, and the decision regions of 2-D classifiers. */
public final class Plots {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 600;
  private static final Color[] CLASS_COLORS = {
      new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
      new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};

  private Plots() {}

  /** The loss of each epoch and, for class labels, the training and validation accuracy (right axis). */
  public static void history(TrainingHistory history, String title, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
        .yAxisTitle("loss").build();
    double[] epochs = history.epochs().stream().mapToDouble(e -> e.epoch()).toArray();
    chart.addSeries("loss", epochs, history.losses()).setMarker(SeriesMarkers.CIRCLE);
    double[] accuracy = history.accuracies();
    if (accuracy.length > 0 && !Double.isNaN(accuracy[0])) {
      XYSeries train = chart.addSeries("accuracy", epochs, accuracy);
      train.setYAxisGroup(1);
      double[] validation = history.epochs().stream().mapToDouble(e -> e.validationAccuracy()).toArray();
      if (!Double.isNaN(validation[0])) chart.addSeries("validation accuracy", epochs, validation).setYAxisGroup(1);
      chart.setYAxisGroupTitle(1, "accuracy");
      chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    }
    save(chart, png);
  }

  /** A loss curve from losses of steps or epochs, numbered from 1. */
  public static void lossCurve(float[] losses, String xAxis, String title, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
        .yAxisTitle("loss").build();
    double[] x = IntStream.rangeClosed(1, losses.length).asDoubleStream().toArray();
    double[] y = new double[losses.length];
    for (int i = 0; i < y.length; i++) y[i] = losses[i];
    chart.addSeries("loss", x, y).setMarker(SeriesMarkers.NONE);
    chart.getStyler().setLegendVisible(false);
    save(chart, png);
  }

  /**
   * For a model of 2 inputs: the plane coloured by the class it predicts, and the points {@code x}
   * (row-major pairs) coloured by their predicted class, with a dark edge on those it gets wrong.
   */
  public static void decisionRegions(KilnModel model, float[] x, int[] labels, String title, Path png)
      throws IOException {
    if (model.inputSize() != 2) {
      throw new IllegalArgumentException("decision regions need a model of 2 inputs; this one takes " + model.inputSize());
    }
    float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
    for (int i = 0; i < x.length; i += 2) {
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, x[i + 1]);
      maxY = Math.max(maxY, x[i + 1]);
    }
    float padX = 0.1f * (maxX - minX) + 0.5f;
    float padY = 0.1f * (maxY - minY) + 0.5f;
    int steps = 120;
    float[] grid = new float[2 * steps * steps];
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < steps; j++) {
        int k = 2 * (i * steps + j);
        grid[k] = minX - padX + (maxX - minX + 2 * padX) * j / (steps - 1);
        grid[k + 1] = minY - padY + (maxY - minY + 2 * padY) * i / (steps - 1);
      }
    }
    int[] gridClasses = model.predict(grid);
    int[] predicted = model.predict(x);
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("x1").yAxisTitle("x2")
        .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    int classes = Math.max(IntStream.of(gridClasses).max().orElse(0), IntStream.of(predicted).max().orElse(0)) + 1;
    for (int c = 0; c < classes; c++) {
      XYSeries region = addPoints(chart, "region " + c, grid, gridClasses, c, false, null);
      if (region != null) {
        Color color = CLASS_COLORS[c % CLASS_COLORS.length];
        region.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        region.setMarker(SeriesMarkers.SQUARE);
        region.setShowInLegend(false);
      }
    }
    for (int c = 0; c < classes; c++) {
      XYSeries right = addPoints(chart, "predicted " + c, x, predicted, c, true, labels);
      if (right != null) right.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length]).setMarker(SeriesMarkers.CIRCLE);
      XYSeries wrong = addPoints(chart, "predicted " + c + ", wrong", x, predicted, c, false, labels);
      if (wrong != null) {
        wrong.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length].darker().darker()).setMarker(SeriesMarkers.DIAMOND);
      }
    }
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setAxisTickMarksStroke(new BasicStroke(1f));
    save(chart, png);
  }

  /**
   * Adds the points predicted as {@code c}: all of them when {@code labels} is null, else those whose
   * label agrees ({@code right}) or not. Returns null when there are none.
   */
  private static XYSeries addPoints(XYChart chart, String name, float[] x, int[] predicted, int c, boolean right,
      int[] labels) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] != c) continue;
      if (labels != null && (labels[i] == c) != right) continue;
      xs.add((double) x[2 * i]);
      ys.add((double) x[2 * i + 1]);
    }
    return xs.isEmpty() ? null : chart.addSeries(name, xs, ys);
  }

  /** Writes the chart to a temporary file beside {@code png}, then renames it: no half-written picture. */
  private static void save(XYChart chart, Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    // XChart adds ".png" to a name that lacks it, so the temporary file ends in it.
    AtomicFiles.replace(png, ".tmp.png",
        temp -> BitmapEncoder.saveBitmap(chart, temp.toString(), BitmapEncoder.BitmapFormat.PNG));
  }
}

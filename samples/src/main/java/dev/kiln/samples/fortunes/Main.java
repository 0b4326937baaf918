package dev.kiln.samples.fortunes;

import dev.kiln.plots.Plots;
import dev.kiln.runtime.generation.Generator;
import dev.kiln.runtime.generation.Sampling;
import dev.kiln.runtime.optim.Adam;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A small GPT that learns to write fortune cookies, by {@code torch_charlm.py}'s recipe: {@link FortuneGpt}
 * on Debian's fortunes, Adam 1e-3, 2,000 steps of 16 windows of 65 characters at random offsets (the
 * first 64 in, the next 64 as targets), the validation loss every 500 steps over 256 windows spread
 * through the validation text; a curve in {@code out/fortunes}, the model saved there; then 400
 * characters generated from "%\n" (temperature 0.8, top-k 20, seed 0), printed as they come.
 *
 * <p>Usage: {@code Main [DIR]}, DIR holding the fortune files (default {@code /usr/share/games/fortunes});
 * with {@code -Dfortunes.generate=true}, loads the saved model and only generates.
 */
public final class Main {
  static final int STEPS = 2000;
  static final int BATCH = 16;
  static final int EVERY = 500;
  static final int NEW_CHARACTERS = 400;
  static final String PROMPT = "%\n";
  static final Sampling SAMPLING = Sampling.temperature(0.8f).topK(20).seed(0);
  static final Path OUT = Path.of("out/fortunes");

  private Main() {}

  public static void main(String[] args) throws IOException {
    if (Boolean.getBoolean("fortunes.generate")) {
      Path saved = OUT.resolve("fortune-gpt.safetensors");
      if (!Files.isRegularFile(saved)) {
        System.err.println("No saved model at " + saved.toAbsolutePath() + ": run the sample once without"
            + " -Dfortunes.generate=true to train and save it");
        System.exit(2);
      }
      generate(FortuneGptModel.load(saved), System.out);
      return;
    }
    Path dir = args.length > 0 ? Path.of(args[0]) : FortuneText.DEBIAN;
    String missing = FortuneText.missing(dir);
    if (missing != null) {
      System.err.println(missing);
      System.exit(2);
    }
    FortuneGptModel model = train(FortuneText.read(dir), STEPS, OUT, System.out, true);
    generate(model, System.out);
  }

  /** Trains a new model for {@code steps} steps, reporting and plotting the losses, and saves it in {@code out}. */
  static FortuneGptModel train(FortuneText text, int steps, Path out, PrintStream print, boolean progress)
      throws IOException {
    print.printf(Locale.ROOT, "%d fortunes: %d characters to train, %d to validate%n%n", text.entries(),
        text.train().length, text.valid().length);
    FortuneGptModel model = FortuneGptModel.create(0);
    print.println(model);
    print.println();
    FortuneGptTrainer trainer = model.trainer(Adam.lr(1e-3f), 0);
    int length = FortuneGptModel.IN;
    int[] x = new int[BATCH * length];
    int[] y = new int[BATCH * length];
    Random offsets = new Random(0);
    float[] losses = new float[steps];
    double seconds = 0;
    try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("training").setInitialMax(steps)
        .hideEta().build() : null) {
      for (int step = 1; step <= steps; step++) {
        for (int b = 0; b < BATCH; b++) {
          int at = offsets.nextInt(text.train().length - length - 1);
          System.arraycopy(text.train(), at, x, b * length, length);
          System.arraycopy(text.train(), at + 1, y, b * length, length);
        }
        long start = System.nanoTime();
        losses[step - 1] = trainer.step(x, y);
        seconds += (System.nanoTime() - start) / 1e9;
        if (bar != null) bar.step();
        if (step % EVERY == 0 || step == steps) {
          double validation = validationLoss(model, text.valid());
          if (bar != null) bar.setExtraMessage(String.format(Locale.ROOT, "validation %.3f", validation));
          print.println();
          print.printf(Locale.ROOT, "step %d: train loss %.4f, validation loss %.4f, %.1f s training%n", step,
              losses[step - 1], validation, seconds);
        }
      }
    }
    Files.createDirectories(out);
    Plots.lossCurve(losses, "step", "Fortunes: a small GPT on characters", out.resolve("loss.png"));
    model.save(out.resolve("fortune-gpt.safetensors"));
    print.println("wrote " + out.resolve("loss.png").toAbsolutePath() + " and "
        + out.resolve("fortune-gpt.safetensors").toAbsolutePath());
    print.println();
    return model;
  }

  /**
   * The mean cross-entropy of the next character over 256 windows spread evenly through {@code text}, in
   * batches of 32 (the model's inference workspaces grow with the batch).
   */
  static double validationLoss(FortuneGptModel model, int[] text) {
    int length = FortuneGptModel.IN;
    int windows = 256;
    int batch = 32;
    int vocabulary = 128;
    int[] x = new int[batch * length];
    int[] y = new int[batch * length];
    float[] logits = new float[batch * length * vocabulary];
    double sum = 0;
    for (int first = 0; first < windows; first += batch) {
      for (int w = 0; w < batch; w++) {
        // torch.linspace(0, len - L - 2, 256).long(): evenly spread, truncated.
        int at = (int) ((double) (text.length - length - 2) * (first + w) / (windows - 1));
        System.arraycopy(text, at, x, w * length, length);
        System.arraycopy(text, at + 1, y, w * length, length);
      }
      model.forward(x, logits);
      for (int position = 0; position < y.length; position++) {
        int row = position * vocabulary;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < vocabulary; c++) max = Math.max(max, logits[row + c]);
        double total = 0;
        for (int c = 0; c < vocabulary; c++) total += Math.exp(logits[row + c] - max);
        sum += max + Math.log(total) - logits[row + y[position]];
      }
    }
    return sum / (windows * length);
  }

  /** Prints {@value #NEW_CHARACTERS} characters generated from the prompt, each as it comes; returns them. */
  static String generate(FortuneGptModel model, PrintStream print) {
    Generator generator = model.generator(SAMPLING);
    int[] prompt = PROMPT.chars().toArray();
    StringBuilder text = new StringBuilder();
    print.print(PROMPT);
    long start = System.nanoTime();
    int token = generator.generate(prompt, 1)[0];
    for (int i = 0; i < NEW_CHARACTERS; i++) {
      text.append((char) token);
      print.print((char) token);
      print.flush();
      if (i + 1 < NEW_CHARACTERS) token = generator.next(token);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    print.println();
    print.printf(Locale.ROOT, "%n%d characters in %.2f s: %.0f tokens/s, one stream%n", NEW_CHARACTERS, seconds,
        NEW_CHARACTERS / seconds);
    return text.toString();
  }
}

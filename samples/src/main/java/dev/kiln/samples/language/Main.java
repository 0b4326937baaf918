package dev.kiln.samples.language;

import dev.kiln.plots.Plots;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.KilnJavac;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which language is a word written in, by {@code torch_language.py}'s recipe: {@link WordLanguage} on
 * Debian's word lists in English, German, French, Spanish and Italian, Adam 1e-3 in batches of 64 for 5
 * epochs through {@code fit}. First it shows javac's answer to a BERT-style head that ends in
 * {@code @Softmax}; then the model's summary, the test accuracy of each epoch, a confusion matrix and
 * curves in {@code out/language}.
 *
 * <p>Usage: {@code Main [DIR]}, DIR holding the five lists; by default {@code /usr/share/dict}.
 */
public final class Main {
  static final int EPOCHS = 5;

  private Main() {}

  public static void main(String[] args) throws IOException {
    printSoftmaxHead(System.out);
    Path dir = args.length > 0 ? Path.of(args[0]) : WordLists.DEBIAN;
    String missing = WordLists.missing(dir);
    if (missing != null) {
      System.err.println(missing);
      System.exit(2);
    }
    run(WordLists.read(dir), EPOCHS, Path.of("out/language"), System.out, true);
  }

  /** The same network with {@code @Softmax} on its head, as a user might write it, and what javac says. */
  static String softmaxHead() {
    return String.join("\n",
        "import dev.kiln.dsl.*;",
        "import dev.kiln.runtime.Layer;",
        "",
        "@Model @Input(tokens = 24, vocabulary = 64) @Loss(LossKind.CROSS_ENTROPY)",
        "public interface SoftmaxHead {",
        "  @Embedding(dim = 64, paddingIndex = 0) Layer tokens();",
        "  @PositionEmbedding Layer positions();",
        "  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer0();",
        "  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer1();",
        "  @SequencePool(SequencePooling.FIRST) Layer cls();",
        "  @Linear(out = 5) @Softmax Layer head();",
        "}",
        "");
  }

  static void printSoftmaxHead(PrintStream print) {
    print.println("A BERT-style head ends in a bare @Linear: cross-entropy applies log-softmax itself. With"
        + " @Softmax on head() the network does not compile:");
    print.println();
    print.println("  @Linear(out = 5) @Softmax Layer head();   with @Loss(CROSS_ENTROPY)");
    for (String error : KilnJavac.errors("SoftmaxHead.java", softmaxHead())) print.println("  " + error);
    print.println();
  }

  /** Trains and reports; returns the last epoch's test accuracy. */
  static double run(WordLists words, int epochs, Path out, PrintStream print, boolean progress) throws IOException {
    Dataset train = words.train();
    Dataset test = words.test();
    print.printf(Locale.ROOT, "%d words to train, %d to test, %d letters (ids 2-%d; 0 padding, 1 [CLS])%n%n",
        train.size(), test.size(), words.letters(), words.letters() + 1);
    WordLanguageModel model = WordLanguageModel.create(0);
    print.println(model);
    print.println();
    TrainingHistory history = model.trainer(Adam.lr(1e-3f), 1).fit(train,
        FitOptions.epochs(epochs).batchSize(64).validation(test).shuffleSeed(0).progress(progress));
    double seconds = 0;
    for (EpochResult epoch : history.epochs()) {
      seconds += epoch.seconds();
      print.printf(Locale.ROOT, "epoch %d: loss %.4f, test accuracy %.4f, %.1f s%n", epoch.epoch(), epoch.loss(),
          epoch.validationAccuracy(), epoch.seconds());
    }
    print.printf(Locale.ROOT, "trained in %.1f s%n%n", seconds);
    ConfusionMatrix confusion = ConfusionMatrix.of(model.predict(test.tokens()), test.labels(), 5);
    print.println(table(confusion, List.copyOf(WordLists.FILES.keySet())));
    Plots.history(history, "Which language: two encoder layers on letters", out.resolve("history.png"));
    print.println("wrote " + out.resolve("history.png").toAbsolutePath());
    return history.epochs().get(history.epochs().size() - 1).validationAccuracy();
  }

  /** The confusion matrix with the languages' names: rows the true language, columns the predicted. */
  static String table(ConfusionMatrix confusion, List<String> languages) {
    StringBuilder text = new StringBuilder("true \\ predicted");
    for (String language : languages) text.append(String.format(Locale.ROOT, "%7s", language));
    text.append(String.format(Locale.ROOT, "%9s%n", "recall"));
    for (int actual = 0; actual < languages.size(); actual++) {
      text.append(String.format(Locale.ROOT, "%-16s", languages.get(actual)));
      for (int predicted = 0; predicted < languages.size(); predicted++) {
        text.append(String.format(Locale.ROOT, "%7d", confusion.count(actual, predicted)));
      }
      text.append(String.format(Locale.ROOT, "%9.3f%n", confusion.recall(actual)));
    }
    return text.toString();
  }
}

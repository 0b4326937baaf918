package dev.kiln.samples.fashion;

import dev.kiln.samples.KilnJavac;
import java.util.List;

/**
 * The seed's experiment of putting softmax, sigmoid or tanh before NLL instead of log-softmax, run
 * the way it goes in Kiln: each declaration is handed to javac with Kiln's processor, and what javac
 * says is what the sample prints. Nothing is trained; none of them compiles.
 */
final class SwappedActivations {
  static final List<String> ACTIVATIONS = List.of("Softmax", "Sigmoid", "Tanh");

  private SwappedActivations() {}

  /** The declaration the seed's swap amounts to, as a user would write it. */
  static String declaration(String activation) {
    return String.join("\n",
        "import dev.kiln.dsl.*;",
        "import dev.kiln.runtime.Layer;",
        "",
        "@Model @Loss(LossKind.NLL)",
        "public interface Swapped {",
        "  @Linear(in = 784, out = 10) @" + activation + " Layer out();",
        "}",
        "");
  }

  /** javac's errors for {@code declaration(activation)}, one line each as javac prints them. */
  static List<String> errors(String activation) {
    return KilnJavac.errors("Swapped.java", declaration(activation));
  }
}

package dev.kiln.samples.fashion;

import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

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
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler here: run the sample with a JDK, not a JRE");
    }
    String classPath = System.getProperty("java.class.path");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // -proc:only: the processor's checks are the point; nothing is written.
    List<String> options = List.of("-proc:only", "-classpath", classPath, "-processorpath", classPath,
        "-processor", "dev.kiln.processor.KilnProcessor");
    javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(new Source(declaration(activation))))
        .call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(String.format(Locale.ROOT, "Swapped.java:%d: error: %s", diagnostic.getLineNumber(),
            diagnostic.getMessage(Locale.ROOT)));
      }
    }
    return errors;
  }

  /** A source file held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String text) {
      super(URI.create("string:///Swapped.java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

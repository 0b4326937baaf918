package dev.kiln.samples;

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
 * Hands a declaration to javac with Kiln's processor, in memory, as a build would: what the samples use
 * to show the errors a wrong network gets. Nothing is written.
 */
public final class KilnJavac {
  private KilnJavac() {}

  /** javac's errors for {@code source}, a file named {@code fileName}, one line each as javac prints them. */
  public static List<String> errors(String fileName, String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler here: run the sample with a JDK, not a JRE");
    }
    String classPath = System.getProperty("java.class.path");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // -proc:only: the processor's checks are the point; nothing is written.
    List<String> options = List.of("-proc:only", "-classpath", classPath, "-processorpath", classPath,
        "-processor", "dev.kiln.processor.KilnProcessor");
    javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(new Source(fileName, source))).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(String.format(Locale.ROOT, "%s:%d: error: %s", fileName, diagnostic.getLineNumber(),
            diagnostic.getMessage(Locale.ROOT)));
      }
    }
    return errors;
  }

  /** A source file held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String fileName, String text) {
      super(URI.create("string:///" + fileName), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

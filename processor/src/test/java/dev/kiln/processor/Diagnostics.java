package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Assertions on what Kiln says about one declaration: exactly one diagnostic, with its tag, text and line. */
final class Diagnostics {
  private Diagnostics() {}

  /** The source compiles with exactly one error, containing {@code text}, on the line containing {@code line}. */
  static void assertError(JavaFileObject source, String text, String line) {
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining(line);
  }

  /** The source compiles, with exactly one warning, containing {@code text}, on the line containing {@code line}. */
  static void assertWarning(JavaFileObject source, String text, String line) {
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(text).inFile(source).onLineContaining(line);
  }

  /** The source compiles without errors or warnings. */
  static void assertClean(JavaFileObject source) {
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    if (compilation.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)) {
      throw new AssertionError(compilation.diagnostics());
    }
  }
}

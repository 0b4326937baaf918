package dev.kiln.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Declarations for the processor's tests, written as a user would write them. */
final class Sources {
  private static final String IMPORTS = String.join("\n",
      "package test;",
      "",
      "import dev.kiln.dsl.*;",
      "import dev.kiln.runtime.Layer;",
      "import static dev.kiln.dsl.LossKind.*;",
      "");

  private Sources() {}

  /** A source file {@code test/<name>.java} with Kiln's imports and the given lines. */
  static JavaFileObject model(String name, String... lines) {
    return JavaFileObjects.forSourceString("test." + name, IMPORTS + String.join("\n", lines) + "\n");
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new KilnProcessor()).compile(sources);
  }
}

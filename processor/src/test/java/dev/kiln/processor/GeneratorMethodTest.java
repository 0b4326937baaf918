package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A causal language model's generated model has {@code generator(Sampling)}; a model that cannot generate
 * one position at a time has none, so calling it is javac's error, not a run-time one.
 */
class GeneratorMethodTest {
  private static final String HEADER = "@Model @Input(tokens = 8, vocabulary = 16) @Loss(CROSS_ENTROPY)";

  /** A class that calls {@code generator} on {@code model}'s generated class. */
  private static JavaFileObject caller(String model) {
    return JavaFileObjects.forSourceString("test.Use", String.join("\n",
        "package test;",
        "",
        "import dev.kiln.runtime.generation.Generator;",
        "import dev.kiln.runtime.generation.Sampling;",
        "",
        "class Use {",
        "  Generator generator() {",
        "    return " + model + "Model.create(0).generator(Sampling.greedy());",
        "  }",
        "}",
        ""));
  }

  @Test
  void aCausalLanguageModelHasAGenerator() {
    Compilation compilation = compile(model("Gpt", HEADER,
        "public interface Gpt {",
        "  @Embedding(dim = 8) Layer tokens();",
        "  @PositionEmbedding Layer positions();",
        "  @TransformerEncoderLayer(heads = 2, feedforward = 16, normFirst = true, causal = true) Layer layer0();",
        "  @LayerNorm Layer norm();",
        "  @Linear(out = 16) Layer head();",
        "}"), caller("Gpt"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void attentionThatIsNotCausalLeavesNoGeneratorToCall() {
    Compilation compilation = compile(model("Bidirectional", HEADER,
        "public interface Bidirectional {",
        "  @Embedding(dim = 8) Layer tokens();",
        "  @TransformerEncoderLayer(heads = 2, feedforward = 16) Layer layer0();",
        "  @Linear(out = 16) Layer head();",
        "}"), caller("Bidirectional"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorContaining("generator(dev.kiln.runtime.generation.Sampling)");
  }

  @Test
  void aPooledModelHasNoGeneratorToCall() {
    Compilation compilation = compile(model("Classifier", HEADER,
        "public interface Classifier {",
        "  @Embedding(dim = 8) Layer tokens();",
        "  @TransformerEncoderLayer(heads = 2, feedforward = 16, causal = true) Layer layer0();",
        "  @SequencePool(SequencePooling.MEAN) Layer pool();",
        "  @Linear(out = 16) Layer head();",
        "}"), caller("Classifier"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void anOutputThatIsNotOneLogitPerTokenHasNoGeneratorToCall() {
    Compilation compilation = compile(model("Tagger", HEADER,
        "public interface Tagger {",
        "  @Embedding(dim = 8) Layer tokens();",
        "  @TransformerEncoderLayer(heads = 2, feedforward = 16, causal = true) Layer layer0();",
        "  @Linear(out = 5) Layer head();",
        "}"), caller("Tagger"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }
}

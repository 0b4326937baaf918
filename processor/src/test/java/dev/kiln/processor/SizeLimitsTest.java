package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Sizes are multiplied exactly: what no Java array can hold is a compile error on the member that asks for it. */
class SizeLimitsTest {

  @Test
  void aWeightOfTenBillionValuesIsAnErrorNamingItsSize() {
    assertError(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 100000, out = 100000) Layer big();",
            "}"),
        "[kiln:tensor-too-large] @Linear on big() makes big.weight [100000 x 100000], 10000000000 values: more than"
            + " the 2147483639 a Java array holds. Make the layer smaller",
        "Layer big()");
  }

  @Test
  void aWeightWhoseIntProductWrapsIsAnErrorNotALayout() {
    assertError(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 2000000000, out = 2000000000) Layer huge();",
            "}"),
        "[kiln:tensor-too-large] @Linear on huge() makes huge.weight [2000000000 x 2000000000],"
            + " 4000000000000000000 values",
        "Layer huge()");
  }

  @Test
  void parametersBeyondOneArrayAreAnErrorOnTheMemberThatCrossesTheLimit() {
    assertError(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 40000, out = 40000) Layer first();",
            "  @Linear(out = 40000) Layer second();",
            "}"),
        "[kiln:parameters-too-large] @Linear on second() brings the model to 3200040000 parameters: more than the"
            + " 2147483639 one Java array holds. Make the network smaller",
        "Layer second()");
  }

  @Test
  void anOutputRowBeyondAnArrayIsAnErrorBesideItsWeight() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 1, out = 2147483647, bias = false) Layer wide();",
        "}");
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).hadErrorContaining("[kiln:output-too-large] @Linear on wide() gives 2147483647 values"
        + " per example").inFile(source).onLineContaining("Layer wide()");
    assertThat(compilation).hadErrorContaining("[kiln:tensor-too-large] @Linear on wide() makes wide.weight"
        + " [2147483647 x 1]").inFile(source).onLineContaining("Layer wide()");
  }
}

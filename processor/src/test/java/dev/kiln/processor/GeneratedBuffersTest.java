package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Sources.model;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.PlacedTensor;
import dev.kiln.processor.model.Step;
import dev.kiln.processor.model.TensorDecl;
import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.property.GeneratedClassLoader;
import dev.kiln.processor.writing.SourceFiles;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.optim.Sgd;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buffers (a norm's running statistics, its I64 batch counter) get arrays of their own in the generated
 * model: placed in the state dict, initialised, saved and loaded beside the parameters, shown by the
 * layer, and never handed to the optimizer. No kind declares buffers yet, so this test gives the
 * hidden Linear three, as BatchNorm1d(10) has them.
 */
class GeneratedBuffersTest {
  private static final int OUT = 10;

  @TempDir Path dir;

  private static Compilation compileWithBuffers() {
    return Compiler.javac()
        .withProcessors(new KilnProcessor(network -> SourceFiles.of(withNormBuffers(network))))
        .compile(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 3, out = " + OUT + ") Layer hidden();",
            "  @Linear(out = 2) Layer out();",
            "}"));
  }

  private static Network withNormBuffers(Network network) {
    NetworkLayer hidden = network.layers().get(0);
    Step linear = hidden.steps().get(0);
    List<PlacedTensor> tensors = new ArrayList<>(linear.tensors());
    tensors.add(new PlacedTensor(buffer("running_mean", "RUNNING_MEAN", 0, TensorDecl.DType.F32, new Dim("OUT", OUT)),
        "hidden.running_mean", 0));
    tensors.add(new PlacedTensor(buffer("running_var", "RUNNING_VAR", 1, TensorDecl.DType.F32, new Dim("OUT", OUT)),
        "hidden.running_var", OUT));
    tensors.add(new PlacedTensor(buffer("num_batches_tracked", "NUM_BATCHES_TRACKED", 0, TensorDecl.DType.I64),
        "hidden.num_batches_tracked", 0));
    List<Step> steps = new ArrayList<>(hidden.steps());
    steps.set(0, new Step(linear.kind(), linear.input(), linear.output(), tensors));
    List<NetworkLayer> layers = new ArrayList<>(network.layers());
    layers.set(0, new NetworkLayer(hidden.member(), hidden.input(), hidden.output(), steps));
    return new Network(network.type(), network.packageName(), network.simpleName(), layers, network.lossSpec());
  }

  private static TensorDecl buffer(String name, String constant, double init, TensorDecl.DType dtype, Dim... dims) {
    return new TensorDecl(name, constant, List.of(dims), Init.constant(init), TensorDecl.Role.BUFFER, dtype, "");
  }

  @Test
  void buffersArePlacedInTheStateDictBesideTheParameters() {
    Compilation compilation = compileWithBuffers();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains(".addBuffer(\"hidden.running_mean\", HIDDEN_OUT)\n"
            + "        .addBuffer(\"hidden.running_var\", HIDDEN_OUT)\n"
            + "        .addLongBuffer(\"hidden.num_batches_tracked\")");
  }

  @Test
  void aNewModelHasItsBuffersAtTheirInitialValues() throws Exception {
    KilnModel model = create(compileWithBuffers());
    Layer hidden = model.layers().get(0);
    assertArrayEquals(new float[OUT], hidden.tensor("running_mean"));
    float[] ones = new float[OUT];
    java.util.Arrays.fill(ones, 1f);
    assertArrayEquals(ones, hidden.tensor("running_var"));
    assertArrayEquals(new long[] {0}, hidden.longTensor("num_batches_tracked"));
    assertEquals(3 * OUT + OUT + 2 * OUT + 2, model.parameters().length, "buffers stay out of the parameters");
  }

  @Test
  void buffersAreSavedAndLoadedWithTheParameters() throws Exception {
    Compilation compilation = compileWithBuffers();
    KilnModel model = create(compilation);
    float[] buffers = array(model, "buffers", float[].class);
    long[] counters = array(model, "longBuffers", long[].class);
    buffers[3] = 0.75f;
    counters[0] = 42;
    Path file = dir.resolve("net.safetensors");
    model.save(file);
    KilnModel loaded = (KilnModel) model.getClass().getMethod("load", Path.class).invoke(null, file);
    assertArrayEquals(buffers, array(loaded, "buffers", float[].class));
    assertArrayEquals(counters, array(loaded, "longBuffers", long[].class));
    assertArrayEquals(model.parameters(), loaded.parameters());
    assertEquals(true, Files.size(file) > 0);
  }

  @Test
  void theOptimizerNeverSeesTheBuffers() throws Exception {
    KilnModel model = create(compileWithBuffers());
    float[] before = array(model, "buffers", float[].class).clone();
    KilnTrainer trainer = model.trainer(Sgd.lr(0.5f).weightDecay(0.1f));
    assertEquals(model.parameters().length, trainer.gradients().length);
    ((dev.kiln.runtime.FloatTargetTrainer) trainer).step(new float[] {1, 2, 3, 4, 5, 6}, new float[] {1, 0, 0, 1});
    assertArrayEquals(before, array(model, "buffers", float[].class));
  }

  private static KilnModel create(Compilation compilation) throws Exception {
    assertThat(compilation).succeeded();
    Class<?> type = new GeneratedClassLoader(compilation).loadClass("test.NetModel");
    return (KilnModel) type.getMethod("create", long.class).invoke(null, 1L);
  }

  private static <T> T array(KilnModel model, String field, Class<T> type) throws ReflectiveOperationException {
    Field f = model.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return type.cast(f.get(model));
  }
}

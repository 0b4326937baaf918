package dev.kiln.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.io.TensorSpec;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.resnet.MiniResNetModel;
import dev.kiln.samples.fixtures.WithDropoutModel;
import dev.kiln.samples.fixtures.AvgPooledCnnModel;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the exported file declares, read back with the same protobuf classes. */
class OnnxExportTest {
  @TempDir Path dir;

  @Test
  void theFileIsOpset17IrVersion8WithTheProducerAndTheDeclaredInterface() throws Exception {
    ModelProto model = ModelProto.parseFrom(OnnxExport.toBytes(BlobNetModel.create(0)));
    assertEquals(8, model.getIrVersion());
    assertEquals(17, model.getOpsetImport(0).getVersion());
    assertEquals("", model.getOpsetImport(0).getDomain());
    assertEquals("Kiln", model.getProducerName());
    Map<String, String> metadata = model.getMetadataPropsList().stream()
        .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    assertEquals("dev.kiln.samples.blobs.BlobNet", metadata.get("kiln.interface"));
    assertEquals("Kiln " + model.getProducerVersion(), metadata.get("producer"));
    assertTrue(model.getProducerVersion().matches("\\d+\\.\\d+\\.\\d+.*"), model.getProducerVersion());
  }

  @Test
  void theInputAndOutputsHaveASymbolicBatchAndTheModelsShapes() throws Exception {
    ModelProto model = ModelProto.parseFrom(OnnxExport.toBytes(MiniResNetModel.create(0)));
    var input = model.getGraph().getInput(0);
    assertEquals("input", input.getName());
    List<Dimension> dims = input.getType().getTensorType().getShape().getDimList();
    assertEquals("batch", dims.get(0).getDimParam());
    assertEquals(List.of(1L, 28L, 28L), dims.subList(1, 4).stream().map(Dimension::getDimValue).toList());
    assertEquals(List.of("output", "probabilities"),
        model.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
  }

  @Test
  void initializersCarryTheStateDictNamesAndShapes() throws Exception {
    MiniResNetModel kiln = MiniResNetModel.create(0);
    ModelProto model = ModelProto.parseFrom(OnnxExport.toBytes(kiln));
    Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
        .collect(Collectors.toMap(TensorProto::getName, t -> t));
    for (TensorSpec spec : kiln.stateDict().tensors()) {
      if (spec.name().endsWith("num_batches_tracked")) continue; // training state, which inference never reads
      TensorProto tensor = initializers.get(spec.name());
      assertTrue(tensor != null, "no initializer " + spec.name());
      assertArrayEquals(java.util.Arrays.stream(spec.shape()).asLongStream().toArray(),
          tensor.getDimsList().stream().mapToLong(Long::longValue).toArray(), spec.name());
    }
  }

  @Test
  void dropoutIsLeftOut() throws Exception {
    ModelProto model = ModelProto.parseFrom(OnnxExport.toBytes(WithDropoutModel.create(0)));
    assertEquals(List.of("Gemm", "Relu", "Gemm", "Identity"),
        model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
  }

  @Test
  void averagePoolingAlwaysWritesCountIncludePad() throws Exception {
    ModelProto model = ModelProto.parseFrom(OnnxExport.toBytes(AvgPooledCnnModel.create(0)));
    List<NodeProto> pools = model.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("AveragePool")).toList();
    assertTrue(!pools.isEmpty());
    for (NodeProto pool : pools) {
      assertTrue(pool.getAttributeList().stream().anyMatch(a -> a.getName().equals("count_include_pad")),
          pool.getName() + " leaves count_include_pad to ONNX's default");
    }
  }

  @Test
  void writeReplacesTheFileWithTheExport() throws Exception {
    Path file = dir.resolve("blobnet.onnx");
    Files.writeString(file, "an older export");
    BlobNetModel model = BlobNetModel.create(0);
    OnnxExport.write(model, file);
    assertArrayEquals(OnnxExport.toBytes(model), Files.readAllBytes(file));
    assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file is left beside it");
  }

  @Test
  void aFailedExportLeavesTheFileAsItWas() throws Exception {
    Path file = dir.resolve("model.onnx");
    Files.writeString(file, "what the user saved");
    KilnModel failing = withFailingLayer(BlobNetModel.create(0));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnnxExport.write(failing, file));
    assertEquals("the layer failed", e.getMessage());
    assertEquals("what the user saved", Files.readString(file));
    assertEquals(List.of(file), Files.list(dir).toList());
  }

  /** The model, its last layer failing as the export reads its operations, after the first was written. */
  private static KilnModel withFailingLayer(KilnModel model) {
    List<Layer> layers = model.layers();
    Layer last = layers.get(layers.size() - 1);
    Layer strange = (Layer) Proxy.newProxyInstance(Layer.class.getClassLoader(), new Class<?>[] {Layer.class},
        (proxy, method, args) -> {
          if (method.getName().equals("operations")) throw new IllegalStateException("the layer failed");
          return method.invoke(last, args);
        });
    return (KilnModel) Proxy.newProxyInstance(KilnModel.class.getClassLoader(), new Class<?>[] {KilnModel.class},
        (proxy, method, args) -> method.getName().equals("layers")
            ? List.of(layers.get(0), strange) : method.invoke(model, args));
  }
}

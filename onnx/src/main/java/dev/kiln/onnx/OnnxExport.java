package dev.kiln.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.graph.Readout;
import dev.kiln.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A Kiln model as an ONNX graph (opset 17, IR version 8), for ONNX Runtime and every other ONNX consumer.
 * The graph reads {@code input}, [batch, features] or [batch, C, H, W] with a symbolic {@code batch} (a
 * token model: int64 ids, [batch, tokens]), and
 * writes {@code output}, what {@code model.forward} returns, and, where the model has them,
 * {@code probabilities}, what {@code model.probabilities} returns. It computes as the model does in eval
 * mode: dropout left out, normalization with running statistics. Initializers carry the state-dict names
 * ({@code hidden.weight}); {@code metadata_props} name the producer and the declared interface.
 */
public final class OnnxExport {
  /** The ONNX operator set the graph uses. */
  public static final int OPSET = 17;
  /** The ONNX IR version of the file: what PyTorch 1.13's exporter writes for opset 17. */
  public static final int IR_VERSION = 8;
  /** The metadata key whose value is the declared interface's name. */
  public static final String INTERFACE_KEY = "kiln.interface";

  private OnnxExport() {}

  /** Writes the model to {@code file}, atomically: a failed export leaves any file there as it was. */
  public static void write(KilnModel model, Path file) throws IOException {
    byte[] bytes = toBytes(model);
    AtomicFiles.replace(file, ".onnx", temp -> Files.write(temp, bytes));
  }

  /** The model as the bytes of an ONNX file. */
  public static byte[] toBytes(KilnModel model) {
    return proto(model).toByteArray();
  }

  static ModelProto proto(KilnModel model) {
    List<Layer> layers = model.layers();
    if (layers.isEmpty()) throw new IllegalArgumentException("the model has no layers to export");
    String interfaceName = model.declaredInterface().getCanonicalName();
    OnnxGraph graph = new OnnxGraph(interfaceName.substring(interfaceName.lastIndexOf('.') + 1));
    ExportContext context = new ExportContext(graph, model);
    Value value = new Value("input", layers.get(0).inputShape());
    graph.unique("input");
    graph.proto().addInput(valueInfo("input", value.shape(), model.readsTokens() ? TensorProto.DataType.INT64
        : TensorProto.DataType.FLOAT));
    for (Layer layer : layers) {
      context.enter(layer, value);
      for (Operation operation : layer.operations()) value = Exporters.export(operation, value, context);
    }
    graph.nodeInto("output", "Identity", List.of(value.name()));
    graph.proto().addOutput(valueInfo("output", value.shape()));
    String readout = readoutOperator(model.readout());
    if (readout != null) {
      graph.nodeInto("probabilities", readout, List.of("output"), readout.equals("Softmax")
          ? new ai.onnx.proto.OnnxMl.AttributeProto[] {Attributes.of("axis", -1L)}
          : new ai.onnx.proto.OnnxMl.AttributeProto[0]);
      graph.proto().addOutput(valueInfo("probabilities", value.shape()));
    }
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("Kiln")
        .setProducerVersion(version())
        .setDocString("Exported by Kiln from " + interfaceName)
        .addMetadataProps(entry("producer", "Kiln " + version()))
        .addMetadataProps(entry(INTERFACE_KEY, interfaceName))
        .setGraph(graph.proto())
        .build();
  }

  /** The ONNX operator that turns {@code output} into {@code probabilities}, or null when there are none. */
  private static String readoutOperator(Readout readout) {
    return switch (readout) {
      case SOFTMAX -> "Softmax";
      case EXP -> "Exp";
      case SIGMOID -> "Sigmoid";
      case IDENTITY -> "Identity";
      case NONE -> null;
    };
  }

  private static ValueInfoProto valueInfo(String name, int[] exampleShape) {
    return valueInfo(name, exampleShape, TensorProto.DataType.FLOAT);
  }

  private static ValueInfoProto valueInfo(String name, int[] exampleShape, TensorProto.DataType type) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (int d : exampleShape) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  /** Kiln's version, as the build wrote it. */
  static String version() {
    try (InputStream in = OnnxExport.class.getResourceAsStream("kiln-version.properties")) {
      Properties properties = new Properties();
      if (in != null) properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

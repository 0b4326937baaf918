package dev.kiln.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph an export builds: nodes in the order they run, initializers, and names that are each used
 * once. Node outputs are named after the layer that computes them ({@code hidden/Gemm}), so that a
 * viewer of the graph (Netron) shows where each node comes from.
 */
final class OnnxGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();

  OnnxGraph(String name) {
    graph.setName(name);
  }

  GraphProto.Builder proto() {
    return graph;
  }

  /** A name not used yet, {@code hint} itself when it is free. */
  String unique(String hint) {
    String name = hint;
    for (int i = 1; !names.add(name); i++) name = hint + "_" + i;
    return name;
  }

  /** Adds a node of {@code opType} reading {@code inputs}; returns its one output's name. */
  String node(String scope, String opType, List<String> inputs, AttributeProto... attributes) {
    String output = unique(scope + "/" + opType);
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output).addAllInput(inputs)
        .addOutput(output);
    for (AttributeProto attribute : attributes) node.addAttribute(attribute);
    graph.addNode(node);
    return output;
  }

  /** Adds a node that writes the graph output {@code output}. */
  void nodeInto(String output, String opType, List<String> inputs, AttributeProto... attributes) {
    names.add(output);
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output + "/" + opType)
        .addAllInput(inputs).addOutput(output);
    for (AttributeProto attribute : attributes) node.addAttribute(attribute);
    graph.addNode(node);
  }

  /** A float initializer named {@code name} exactly (a state-dict name); returns its name. */
  String floats(String name, float[] values, long... dims) {
    if (!names.add(name)) throw new IllegalStateException("two initializers named " + name);
    return initializer(name, values, dims);
  }

  /** A float constant of the export's own (a scale, ones for an absent weight), named after {@code hint}. */
  String constant(String hint, float[] values, long... dims) {
    return initializer(unique(hint), values, dims);
  }

  private String initializer(String name, float[] values, long[] dims) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addAllDims(boxed(dims)).setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  /** A float scalar constant, shaped [] so that it broadcasts against anything. */
  String scalar(String hint, float value) {
    return constant(hint, new float[] {value});
  }

  /** An int64 constant, such as a shape for {@code Reshape}. */
  String longs(String hint, long... values) {
    String name = unique(hint);
    ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(values);
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
        .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  /** An int64 scalar constant, shaped [], such as an index that {@code Gather} drops its axis for. */
  String scalarLong(String hint, long value) {
    String name = unique(hint);
    ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(value);
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  private static List<Long> boxed(long[] dims) {
    return java.util.Arrays.stream(dims).boxed().toList();
  }
}

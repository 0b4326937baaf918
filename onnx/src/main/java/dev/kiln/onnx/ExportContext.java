package dev.kiln.onnx;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.io.TensorSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exporter writes one operation with: the graph, the model's tensors by their state-dict
 * names, the member it belongs to, and the inputs of the members before it (which residual joins add).
 */
final class ExportContext {
  private final OnnxGraph graph;
  private final Map<String, Layer> owners = new HashMap<>();
  private final Map<String, TensorSpec> specs = new HashMap<>();
  private final Map<String, Value> inputs = new LinkedHashMap<>();
  private Layer member;

  ExportContext(OnnxGraph graph, KilnModel model) {
    this.graph = graph;
    for (Layer layer : model.layers()) {
      for (TensorSpec spec : layer.tensors()) {
        owners.put(spec.name(), layer);
        specs.put(spec.name(), spec);
      }
    }
  }

  /** A token model's padding positions, bool [batch, tokens], once its embedding is exported; else null. */
  private String padding;

  void padding(String positions) {
    padding = positions;
  }

  /** The padding positions, bool [batch, tokens]: set by the embedding of a model whose padding is marked. */
  String padding() {
    if (padding == null) throw new IllegalStateException("the model marks no padding before " + member.name());
    return padding;
  }

  OnnxGraph graph() {
    return graph;
  }

  /** Starts the operations of {@code layer}, whose input is {@code input}. */
  void enter(Layer layer, Value input) {
    member = layer;
    inputs.put(layer.name(), input);
  }

  /** The member's name, which prefixes the names of the nodes it writes. */
  String scope() {
    return member.name();
  }

  /** The input of the member {@code name}, which came before this one. */
  Value inputOf(String name) {
    Value input = inputs.get(name);
    if (input == null) throw new IllegalStateException("no member " + name + " before " + member.name());
    return input;
  }

  /** The state-dict tensor {@code name} as an initializer of its own name and shape; returns the name. */
  String tensor(String name) {
    TensorSpec spec = spec(name);
    return graph.floats(name, owners.get(name).tensor(name), dims(spec.shape()));
  }

  /** The values of the state-dict tensor {@code name}. */
  float[] values(String name) {
    spec(name);
    return owners.get(name).tensor(name);
  }

  private TensorSpec spec(String name) {
    TensorSpec spec = specs.get(name);
    if (spec == null) throw new IllegalStateException("the model has no tensor " + name);
    return spec;
  }

  static long[] dims(int[] shape) {
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) dims[i] = shape[i];
    return dims;
  }
}

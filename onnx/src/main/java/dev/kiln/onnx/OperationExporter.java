package dev.kiln.onnx;

import dev.kiln.runtime.graph.Operation;

/** How one kind of {@link Operation} becomes ONNX nodes: one implementation per kind, called by {@link Exporters}. */
interface OperationExporter<T extends Operation> {
  /** Adds the nodes that compute {@code operation} on {@code input}; returns their output. */
  Value export(T operation, Value input, ExportContext context);
}

package dev.kiln.onnx;

import dev.kiln.runtime.graph.Operation;

/** How one kind of {@link Operation} becomes ONNX nodes: one implementation per kind, listed in {@link Exporters}. */
interface OperationExporter<T extends Operation> {
  /** The operation's record. */
  Class<T> kind();

  /** Adds the nodes that compute {@code operation} on {@code input}; returns their output. */
  Value export(T operation, Value input, ExportContext context);
}

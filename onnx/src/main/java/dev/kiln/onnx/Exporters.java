package dev.kiln.onnx;

import dev.kiln.runtime.graph.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The exporter of each kind of operation, found by the operation's class. */
final class Exporters {
  private static final Map<Class<?>, OperationExporter<?>> BY_KIND = List.of(
          new LinearExporter(), new Conv2dExporter(), new MaxPool2dExporter(), new AvgPool2dExporter(),
          new FlattenExporter(), new BatchNormExporter(), new LayerNormExporter(), new PReluExporter(),
          new DropoutExporter(), new ResidualAddExporter(), new ActivationExporter())
      .stream().collect(Collectors.toUnmodifiableMap(OperationExporter::kind, Function.identity()));

  private Exporters() {}

  /** Adds the nodes of {@code operation}; throws when no exporter knows its kind. */
  static Value export(Operation operation, Value input, ExportContext context) {
    return exporter(operation).export(operation, input, context);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Operation> OperationExporter<T> exporter(T operation) {
    OperationExporter<T> exporter = (OperationExporter<T>) BY_KIND.get(operation.getClass());
    if (exporter == null) {
      throw new IllegalArgumentException("no ONNX export for " + operation + " in this version of kiln-onnx");
    }
    return exporter;
  }
}

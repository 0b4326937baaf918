package dev.kiln.processor.reading;

import dev.kiln.processor.model.EmbeddingLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @Embedding}: dim at least 1; the padding index is checked against the vocabulary in the shape walk. */
final class EmbeddingReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    int dim = (Integer) origin.value("dim").getValue();
    SequenceOptions.positive(origin, "dim", member, report);
    return new EmbeddingLayer(origin, dim, (Integer) origin.value("paddingIndex").getValue());
  }
}

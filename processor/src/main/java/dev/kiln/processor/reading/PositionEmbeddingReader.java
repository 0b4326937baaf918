package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.PositionEmbeddingLayer;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @PositionEmbedding}: no options; its table takes the shape of the sequence it receives. */
final class PositionEmbeddingReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    return new PositionEmbeddingLayer(origin);
  }
}

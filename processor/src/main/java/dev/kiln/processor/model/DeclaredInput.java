package dev.kiln.processor.model;

import java.util.Optional;

/** The model's {@code @Input}: where it is written, and the shape it gives when its sizes are sound. */
public record DeclaredInput(Origin origin, Optional<Shape> shape) {}

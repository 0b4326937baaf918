package dev.kiln.runtime;

/** A {@link Layer} that is an activation on its own: no parameters, as many outputs as inputs. */
public final class ActivationLayerView implements Layer {
  private final String name;
  private final int size;
  private final Activation activation;

  public ActivationLayerView(String name, int size, Activation activation) {
    this.name = name;
    this.size = size;
    this.activation = activation;
  }

  @Override public String name() { return name; }
  @Override public int in() { return size; }
  @Override public int out() { return size; }
  @Override public boolean hasBias() { return false; }
  @Override public float[] weight() { return new float[0]; }
  @Override public float[] bias() { return new float[0]; }

  @Override
  public String toString() {
    return name + ": " + activation + "(" + size + ")";
  }
}

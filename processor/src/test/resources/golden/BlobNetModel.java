package test;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.generated.Batches;
import dev.kiln.runtime.generated.Initializers;
import dev.kiln.runtime.generated.LayerView;
import dev.kiln.runtime.generated.Predictions;
import dev.kiln.runtime.graph.ActivationOp;
import dev.kiln.runtime.graph.LinearOp;
import dev.kiln.runtime.graph.Readout;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.annotation.processing.Generated;

/**
 * The BlobNet network, 52 parameters, loss CROSS_ENTROPY:
 *
 * <pre>
 * member    layer                   output  parameters
 * hidden()  Linear(2 -&gt; 10) + ReLU  10              30
 * out()     Linear(10 -&gt; 2)         2               22
 * </pre>
 *
 * <p>All parameters live in one array, {@link #parameters()}, laid out as the
 * state dict {@link #STATE_DICT} says. Not thread-safe while a trainer updates it.
 */
@Generated(
        value = "dev.kiln.processor.KilnProcessor",
        comments = "from test.BlobNet"
)
public final class BlobNetModel implements BlobNet, KilnModel {
    /**
     * Features per input row.
     */
    public static final int IN = 2;

    /**
     * Values per output row.
     */
    public static final int OUT = 2;

    /**
     * The most values a row of any workspace holds.
     */
    public static final int WIDEST_ROW = 10;

    static final int HIDDEN_IN = 2;

    static final int HIDDEN_OUT = 10;

    /**
     * Offset of hidden.weight [10 x 2] in the parameters.
     */
    static final int HIDDEN_WEIGHT = 0;

    /**
     * Offset of hidden.bias [10] in the parameters.
     */
    static final int HIDDEN_BIAS = 20;

    static final int OUT_IN = 10;

    static final int OUT_OUT = 2;

    /**
     * Offset of out.weight [2 x 10] in the parameters.
     */
    static final int OUT_WEIGHT = 30;

    /**
     * Offset of out.bias [2] in the parameters.
     */
    static final int OUT_BIAS = 50;

    /**
     * The length of the parameter array.
     */
    public static final int PARAMETER_COUNT = 52;

    /**
     * The state dict, with PyTorch's names and shapes, in the order of the parameters.
     */
    public static final StateDict STATE_DICT = StateDict.builder()
        .add("hidden.weight", HIDDEN_OUT, HIDDEN_IN)
        .add("hidden.bias", HIDDEN_OUT)
        .add("out.weight", OUT_OUT, OUT_IN)
        .add("out.bias", OUT_OUT)
        .build();

    private final float[] parameters = new float[PARAMETER_COUNT];

    private final LinearKernels kernels = KernelProvider.linear();

    private final Layer hidden = new LayerView("hidden", "Linear(2 -> 10) + ReLU", new int[] {2},
            new int[] {10}, List.of(new LinearOp(2, 10, "hidden.weight", "hidden.bias"),
            ActivationOp.of(ActivationOp.Function.RELU)), STATE_DICT, parameters);

    private final Layer out = new LayerView("out", "Linear(10 -> 2)", new int[] {10}, new int[] {2},
            List.of(new LinearOp(10, 2, "out.weight", "out.bias")), STATE_DICT, parameters);

    /**
     * The batch size the workspaces of {@code forward(x, out)} are sized for.
     */
    private int inferenceRows;

    private float[] hiddenInference;

    private BlobNetModel() {
    }

    /**
     * A model initialised as PyTorch initialises its modules: Linear and Conv2d weights and biases uniform in
     * ±1/√fan-in, normalization weights 1 and biases 0, running means 0 and variances 1, PReLU slopes
     * at their declared value. The same seed gives the same parameters.
     */
    public static BlobNetModel create(long seed) {
        BlobNetModel model = new BlobNetModel();
        SplittableRandom random = new SplittableRandom(seed);
        Initializers.uniformFanIn(model.parameters, HIDDEN_WEIGHT, HIDDEN_OUT * HIDDEN_IN, HIDDEN_IN, random);
        Initializers.uniformFanIn(model.parameters, HIDDEN_BIAS, HIDDEN_OUT, HIDDEN_IN, random);
        Initializers.uniformFanIn(model.parameters, OUT_WEIGHT, OUT_OUT * OUT_IN, OUT_IN, random);
        Initializers.uniformFanIn(model.parameters, OUT_BIAS, OUT_OUT, OUT_IN, random);
        return model;
    }

    /**
     * Reads a model from a safetensors file with exactly the tensors of {@link #STATE_DICT}, as
     * PyTorch's {@code save_file(model.state_dict(), path)} writes it.
     *
     * @throws IOException if the file cannot be read or does not hold this model's tensors
     */
    public static BlobNetModel load(Path path) throws IOException {
        BlobNetModel model = new BlobNetModel();
        STATE_DICT.load(path, model.parameters);
        return model;
    }

    /**
     * Writes the parameters to a safetensors file that PyTorch loads with the same names. The
     * file is replaced only once the new one is complete.
     */
    @Override
    public void save(Path path) throws IOException {
        STATE_DICT.save(path, parameters);
    }

    /**
     * The network's output for a batch: {@code x} is [rows x IN] row-major, the result [rows x OUT],
     * the logits CROSS_ENTROPY takes.
     */
    @Override
    public float[] forward(float[] x) {
        Batches.rows(x, IN, WIDEST_ROW);
        return Batches.inSlices(x, IN, OUT, WIDEST_ROW, this::forwardSlice);
    }

    /**
     * {@link #forward(float[])} for a slice of a batch: each member's output in an array of its own.
     */
    private float[] forwardSlice(float[] x) {
        int rows = Batches.rows(x, IN, WIDEST_ROW);
        // hidden: Linear(2 -> 10) + ReLU
        float[] hiddenOutput = new float[rows * HIDDEN_OUT];
        kernels.linearForward(x, parameters, HIDDEN_WEIGHT, HIDDEN_BIAS, hiddenOutput, hiddenOutput, rows, HIDDEN_IN, HIDDEN_OUT, Activation.RELU);
        // out: Linear(10 -> 2)
        float[] outOutput = new float[rows * OUT_OUT];
        kernels.linearForward(hiddenOutput, parameters, OUT_WEIGHT, OUT_BIAS, outOutput, outOutput, rows, OUT_IN, OUT_OUT, Activation.IDENTITY);
        return outOutput;
    }

    /**
     * {@link #forward(float[])} into {@code out}, [rows x OUT], reusing this model's workspaces: after the
     * first call with a batch size, calls allocate nothing. Unlike {@code forward(x)}, not safe to call
     * from several threads at once.
     *
     * @return {@code out}
     */
    @Override
    public float[] forward(float[] x, float[] out) {
        int rows = Batches.rows(x, IN, WIDEST_ROW);
        Batches.output(out, rows, OUT);
        ensureInferenceWorkspaces(rows);
        // hidden: Linear(2 -> 10) + ReLU
        kernels.linearForward(x, parameters, HIDDEN_WEIGHT, HIDDEN_BIAS, hiddenInference, hiddenInference, rows, HIDDEN_IN, HIDDEN_OUT, Activation.RELU);
        // out: Linear(10 -> 2)
        kernels.linearForward(hiddenInference, parameters, OUT_WEIGHT, OUT_BIAS, out, out, rows, OUT_IN, OUT_OUT, Activation.IDENTITY);
        return out;
    }

    private void ensureInferenceWorkspaces(int rows) {
        if (rows == inferenceRows) {
            return;
        }
        hiddenInference = new float[rows * HIDDEN_OUT];
        inferenceRows = rows;
    }

    /**
     * The class of each row of {@code x}: the index of its largest output.
     */
    @Override
    public int[] predict(float[] x) {
        return Predictions.argmax(forward(x), OUT);
    }

    /**
     * Class probabilities per row: the softmax of the logits.
     */
    public float[] probabilities(float[] x) {
        return Predictions.softmax(forward(x), OUT);
    }

    @Override
    public Readout readout() {
        return Readout.SOFTMAX;
    }

    /**
     * A trainer that updates this model's parameters with {@code optimizer}.
     */
    @Override
    public BlobNetTrainer trainer(Optimizer optimizer) {
        return new BlobNetTrainer(this, parameters, optimizer);
    }

    /**
     * The parameters, live: every tensor of {@link #STATE_DICT} at its offset.
     */
    @Override
    public float[] parameters() {
        return parameters;
    }

    @Override
    public StateDict stateDict() {
        return STATE_DICT;
    }

    @Override
    public int inputSize() {
        return IN;
    }

    @Override
    public int outputSize() {
        return OUT;
    }

    @Override
    public List<Layer> layers() {
        return List.of(hidden, out);
    }

    @Override
    public Layer hidden() {
        return hidden;
    }

    @Override
    public Layer out() {
        return out;
    }

    @Override
    public String toString() {
        return "BlobNetModel[hidden: Linear(2 -> 10) + ReLU -> 10 (30 parameters), out: Linear(10 -> 2) -> 2 (22 parameters); 52 parameters; loss CROSS_ENTROPY]";
    }
}

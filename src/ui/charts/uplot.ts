/**
 * uPlot with its style sheet, as one module: the live charts import it, the science views'
 * charts load it on demand (StatChart). One module keeps the sheet in uPlot's own chunk, so
 * the build never splits it into a style-only chunk of its own.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export default uPlot;

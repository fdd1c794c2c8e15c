/** Script-tag entry: registers every kessai element. */
import './define/all.js';

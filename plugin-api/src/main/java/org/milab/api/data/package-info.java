/** Sample matrices, datasets with named views and known ground truth, and the dataset extension point. */
package org.milab.api.data;

/** Matrix-based Rényi α-entropy functionals (Giraldo, Rao, Príncipe) and the mutual information built on them. */
package org.milab.plugins.classic.renyi;
